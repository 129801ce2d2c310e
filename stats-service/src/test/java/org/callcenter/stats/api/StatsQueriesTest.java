package org.callcenter.stats.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.callcenter.contracts.agents.AgentEvent.AgentEventType;
import org.callcenter.contracts.agents.AgentState;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.stats.figures.CallCenterEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.callcenter.stats.figures.CallCenterEvents.T0;
import static org.callcenter.stats.figures.CallCenterEvents.at;

/** What depends on "now" is measured to the query's moment: a fixed clock here. */
class StatsQueriesTest {

	private final CallCenterEvents events = new CallCenterEvents();

	@AfterEach
	void close() {
		this.events.close();
	}

	private StatsQueries queriesAt(double seconds) {
		return new StatsQueries(this.events.stores, Clock.fixed(CallCenterEvents.at(seconds), ZoneOffset.UTC));
	}

	@Test
	void theLongestWaitIsMeasuredFromTheCallersArrivalToNow() {
		this.events.queued("first", 10);
		this.events.queued("second", 20);
		this.events.answered("answered", 0, 5, "alice");

		LiveStats live = queriesAt(70).live();
		assertThat(live.waitingNow()).isEqualTo(2);
		assertThat(live.longestWaitSeconds()).isEqualTo(60);
		assertThat(live.today().offered()).isEqualTo(3);
		assertThat(live.total().answered()).isEqualTo(1);

		this.events.accepted("first", 80, "bob");
		assertThat(queriesAt(90).live().longestWaitSeconds()).isEqualTo(70);
		this.events.ended("second", 95, null, CallEventReason.CALLER_LEFT);
		LiveStats nobodyWaits = queriesAt(100).live();
		assertThat(nobodyWaits.waitingNow()).isZero();
		assertThat(nobodyWaits.longestWaitSeconds()).isZero();
	}

	@Test
	void todayHoldsOnlyTheCallsSinceMidnight() {
		this.events.answered("yesterday", -3600 * 11, 10, "alice");
		this.events.answered("today", 0, 10, "alice");

		LiveStats live = queriesAt(60).live();
		assertThat(live.today().offered()).isEqualTo(1);
		assertThat(live.total().offered()).isEqualTo(2);
	}

	@Test
	void agentsShowTheirStateTimeInItAndTheirCalls() {
		this.events.agent("alice", 1, 0, AgentEventType.ONLINE, AgentState.AVAILABLE, null);
		this.events.answered("call", 5, 10, "alice");
		this.events.ended("call", 75, "alice", CallEventReason.AGENT_ENDED);
		this.events.agent("alice", 2, 75, AgentEventType.STATE_CHANGED, AgentState.WRAP_UP, null);
		this.events.agent("bob", 1, 30, AgentEventType.ONLINE, AgentState.AVAILABLE, null);

		List<AgentStats> agents = queriesAt(100).agents();
		assertThat(agents).containsExactly(new AgentStats("alice", AgentState.WRAP_UP, null, at(75), 25L, 1, 60, 60.0),
				new AgentStats("bob", AgentState.AVAILABLE, null, at(30), 70L, 0, 0, null));
	}

	@Test
	void intervalsAreListedByStartFromTheQuarterHourTheRangeBeginsIn() {
		this.events.answered("ten", 60, 10, "alice");
		this.events.answered("quarter-past", 16 * 60, 30, "alice");
		this.events.answered("half-past", 31 * 60, 30, "alice");

		List<IntervalStats> intervals = queriesAt(3600).intervals(T0.plusSeconds(7 * 60), T0.plusSeconds(30 * 60));
		assertThat(intervals).extracting(IntervalStats::start)
			.containsExactly(T0, Instant.parse("2026-11-26T10:15:00Z"));
		assertThat(intervals.get(1).end()).isEqualTo(Instant.parse("2026-11-26T10:30:00Z"));
		assertThat(intervals.get(1).figures().serviceLevel()).isEqualTo(0.0);
		assertThat(queriesAt(3600).intervals(null, null)).hasSize(3);
	}

	@Test
	void aReversedOrOverlongRangeIsRefused() {
		assertThatExceptionOfType(InvalidRange.class).isThrownBy(() -> queriesAt(0).intervals(T0, T0.minusSeconds(60)));
		assertThatExceptionOfType(InvalidRange.class)
			.isThrownBy(() -> queriesAt(0).intervals(T0.minusSeconds(400L * 24 * 3600), T0));
	}

}
