package org.callcenter.stats.metrics;

import java.time.Clock;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.callcenter.contracts.agents.AgentEvent.AgentEventType;
import org.callcenter.contracts.agents.AgentState;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.stats.figures.CallCenterEvents;
import org.callcenter.stats.figures.FiguresUnavailable;
import org.callcenter.stats.figures.StatsStores;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Prometheus scrapes, from the real topology's stores (TopologyTestDriver): counts
 * and summed times that only grow, the queue now and the agents by state.
 */
class StatsMetersTest {

	private final CallCenterEvents events = new CallCenterEvents();

	private final MeterRegistry registry = new SimpleMeterRegistry();

	@AfterEach
	void close() {
		this.events.close();
	}

	/**
	 * Held here as the application context holds it: meters keep only a weak reference to
	 * what they read.
	 */
	private StatsMeters meters;

	private void bindAt(double seconds) {
		this.meters = new StatsMeters(this.events.stores, Clock.fixed(CallCenterEvents.at(seconds), ZoneOffset.UTC));
		this.meters.bindTo(this.registry);
	}

	@Test
	void countsSummedTimesAndTheQueueNow() {
		// answered after 12 s and handled for 60 s; abandoned after 30 s; one waiting
		this.events.answered("a", 0, 12, "alice");
		this.events.ended("a", 72, "alice", CallEventReason.AGENT_ENDED);
		this.events.abandoned("b", 0, 30);
		this.events.abandoned("short", 40, 2);
		this.events.queued("c", 60);
		bindAt(100);

		assertThat(counter("callcenter.stats.calls.offered")).isEqualTo(4);
		assertThat(counter("callcenter.stats.calls.answered")).isEqualTo(1);
		assertThat(counter("callcenter.stats.calls.answered.in.threshold")).isEqualTo(1);
		assertThat(counter("callcenter.stats.calls.abandoned")).isEqualTo(2);
		assertThat(counter("callcenter.stats.calls.abandoned.short")).isEqualTo(1);
		assertThat(counter("callcenter.stats.calls.handled")).isEqualTo(1);
		assertThat(counter("callcenter.stats.answer.time")).isEqualTo(12.0);
		assertThat(counter("callcenter.stats.handle.time")).isEqualTo(60.0);
		assertThat(gauge("callcenter.stats.waiting")).isEqualTo(1);
		assertThat(gauge("callcenter.stats.longest.wait")).isEqualTo(40.0);

		// alice's wrap-up after "a": 72 s to 90 s, counted once it is over
		this.events.agent("alice", 1, 0, AgentEventType.ONLINE, AgentState.AVAILABLE, null);
		this.events.wrapUp("alice", 2, 72, 102);
		assertThat(counter("callcenter.stats.wrap.ups")).isZero();
		this.events.agent("alice", 3, 90, AgentEventType.STATE_CHANGED, AgentState.AVAILABLE, null);
		assertThat(counter("callcenter.stats.wrap.ups")).isEqualTo(1);
		assertThat(counter("callcenter.stats.wrap.up.time")).isEqualTo(18.0);

		this.events.accepted("c", 110, "alice");
		assertThat(gauge("callcenter.stats.waiting")).isZero();
		assertThat(gauge("callcenter.stats.longest.wait")).isZero();
		assertThat(counter("callcenter.stats.calls.answered")).isEqualTo(2);
	}

	@Test
	void agentsAreCountedByTheirState() {
		this.events.agent("alice", 1, 0, AgentEventType.ONLINE, AgentState.AVAILABLE, null);
		this.events.agent("bob", 1, 0, AgentEventType.ONLINE, AgentState.AVAILABLE, null);
		this.events.agent("carol", 1, 0, AgentEventType.ONLINE, AgentState.AVAILABLE, null);
		this.events.agent("carol", 2, 10, AgentEventType.STATE_CHANGED, AgentState.AWAY, "break");
		bindAt(20);

		assertThat(this.registry.get("callcenter.stats.agents").tag("state", "AVAILABLE").gauge().value()).isEqualTo(2);
		assertThat(this.registry.get("callcenter.stats.agents").tag("state", "AWAY").gauge().value()).isEqualTo(1);
		assertThat(this.registry.get("callcenter.stats.agents").tag("state", "WRAP_UP").gauge().value()).isZero();
	}

	@Test
	void storesBeingRestoredGiveNoValueRatherThanAFalseZero() {
		StatsStores restoring = new StatsStores(new StatsStores.Source() {
			@Override
			public <K, V> org.apache.kafka.streams.state.ReadOnlyKeyValueStore<K, V> keyValueStore(String name) {
				throw new FiguresUnavailable(name, new IllegalStateException("restoring"));
			}
		});
		this.meters = new StatsMeters(restoring, Clock.systemUTC());
		this.meters.bindTo(this.registry);

		assertThat(counter("callcenter.stats.calls.offered")).isNaN();
		assertThat(gauge("callcenter.stats.waiting")).isNaN();
		assertThat(this.registry.get("callcenter.stats.agents").tag("state", "AVAILABLE").gauge().value()).isNaN();
	}

	private double counter(String name) {
		return this.registry.get(name).functionCounter().count();
	}

	private double gauge(String name) {
		return this.registry.get(name).gauge().value();
	}

}
