package org.callcenter.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.queue.QueueClient.Reply;
import org.callcenter.testsupport.RealKafka;
import org.callcenter.testsupport.TopicRecorder;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a caller's read of its call gives its page to estimate the wait, on a real Redis:
 * the recency-weighted average handle time from calls with known talk and hold times (the
 * service's clock is the test's, moved by hand), the configured default before any, the
 * agents serving, and the callers ahead of an assigned call with its agent. Heartbeats
 * and connect deadlines are far off, so moving the clock ends nothing by itself.
 */
@TestPropertySource(properties = { "queue.namespace=expected-wait", "queue.expected-handle-time=150s",
		"queue.agent-grace-period=1h", "queue.connect-timeout=1h", "queue.agent-workflow.wrap-up=0s" })
class ExpectedWaitIT extends QueueServiceTestBase {

	private static final String ANN = "ew-ann";

	private static final String BEN = "ew-ben";

	private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.now());

	@BeforeEach
	void signWithTheServicesClock() {
		NOW.set(Instant.now());
		this.api = new QueueClient("http://127.0.0.1:" + this.port, new HandMoved());
	}

	@Test
	void beforeAnyCallEndedTheEstimateAssumesTheConfiguredHandleTime() {
		Reply waiting = this.api.status(this.api.dial("c1").callId());

		assertThat(waiting.state()).isEqualTo("WAITING");
		assertThat(waiting.body().get("averageHandleSeconds").asLong()).isEqualTo(150);
		assertThat(waiting.body().get("agentsServing").asInt()).isZero();
		assertThat(waiting.body().get("queuePosition").asInt()).isEqualTo(1);
		assertThat(waiting.body().path("aheadWithAgent").isNull()).isTrue();
	}

	@Test
	void theAverageHandleTimeWeighsRecentCallsMost() {
		this.api.goOnline(ANN);
		// talk 60 s, hold 30 s, talk 30 s: handled 120 s, the first call is the average
		Reply first = takenCall("c1");
		pass(Duration.ofSeconds(60));
		this.api.hold(ANN, first.callId());
		pass(Duration.ofSeconds(30));
		this.api.resume(ANN, first.callId());
		pass(Duration.ofSeconds(30));
		this.api.end(ANN, first.callId());
		assertThat(averageHandleSeconds()).isEqualTo(120);

		// then 20 s: each new call counts a fifth, 120 + (20 - 120) / 5
		Reply second = takenCall("c2");
		pass(Duration.ofSeconds(20));
		this.api.end(ANN, second.callId());
		assertThat(averageHandleSeconds()).isEqualTo(100);

		// a call nobody took (its caller left while assigned) handled nothing: no change
		Reply untaken = this.api.dial("c3");
		pass(Duration.ofSeconds(300));
		this.api.leave(untaken.callId());
		// a caller who hangs up during the call: handled until then, 200 s
		Reply hungUp = takenCall("c4");
		pass(Duration.ofSeconds(200));
		this.api.leave(hungUp.callId());
		assertThat(averageHandleSeconds()).isEqualTo(120);
	}

	@Test
	void anAssignedCallCountsTheCallsItsAgentServesFirst() {
		this.api.goOnline(ANN);
		Reply c1 = this.api.dial("c1");
		Reply c2 = this.api.dial("c2");
		Reply c3 = this.api.dial("c3");
		assertThat(c3.agentId()).isEqualTo(ANN);
		assertThat(ahead(c1)).isZero();
		assertThat(ahead(c2)).isEqualTo(1);
		assertThat(ahead(c3)).isEqualTo(2);

		// taken, c1 still comes first; ended, it no longer does
		connectCaller(c1);
		this.api.accept(ANN, c1.callId());
		assertThat(ahead(c3)).isEqualTo(2);
		this.api.end(ANN, c1.callId());
		assertThat(ahead(c2)).isZero();
		assertThat(ahead(c3)).isEqualTo(1);

		// the agent takes a later caller first: it comes first for everyone it was given
		// to, whatever its arrival
		connectCaller(c3);
		this.api.accept(ANN, c3.callId());
		assertThat(ahead(c2)).isEqualTo(1);
		assertThat(this.api.status(c3.callId()).body().path("aheadWithAgent").isNull()).isTrue();
	}

	@Test
	void agentsServingAreThoseAvailableOrInWrapUpNotAway() {
		try (TopicRecorder<AgentEvent> events = new TopicRecorder<>(RealKafka.shared().bootstrapServers(),
				Topics.AGENT_EVENTS, AgentEvent.class)) {
			this.api.goOnline(ANN);
			this.api.goOnline(BEN);
			Reply call = this.api.dial("c1");
			assertThat(serving(call)).isEqualTo(2);

			this.api.goAway(BEN, "lunch", false);
			assertThat(serving(call)).isEqualTo(1);

			// what callers' pages are pushed as agents come and go says the same
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(events.values((e) -> e.agentId().equals(BEN)))
					.extracting(AgentEvent::agentsServing)
					.containsSubsequence(2, 1));
		}
	}

	/** A call given to Ann (the only agent online) that she took. */
	private Reply takenCall(String name) {
		Reply call = this.api.dial(name);
		assertThat(call.agentId()).isEqualTo(ANN);
		connectCaller(call);
		assertThat(this.api.accept(ANN, call.callId()).state()).isEqualTo("ON_CALL");
		return call;
	}

	/** What a new caller's read says, as the estimate of its page uses it. */
	private long averageHandleSeconds() {
		Reply reader = this.api.dial("reader");
		long seconds = this.api.status(reader.callId()).body().get("averageHandleSeconds").asLong();
		this.api.leave(reader.callId());
		return seconds;
	}

	private int ahead(Reply call) {
		return this.api.status(call.callId()).body().get("aheadWithAgent").asInt();
	}

	private int serving(Reply call) {
		return this.api.status(call.callId()).body().get("agentsServing").asInt();
	}

	private static void pass(Duration duration) {
		NOW.updateAndGet((now) -> now.plus(duration));
	}

	/** The service's clock: the test moves it. */
	static final class HandMoved extends Clock {

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return NOW.get();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class HandMovedClock {

		@Bean
		@Primary
		Clock handMovedClock() {
			return new HandMoved();
		}

	}

}
