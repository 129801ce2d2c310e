package org.callcenter.stats.figures;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.CallState;
import org.callcenter.stats.figures.StatsStores.IntervalFigures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callcenter.stats.figures.CallCenterEvents.T0;

/**
 * Ended calls' summaries are dropped once the events have moved on by the retention (7
 * days), and the figures they made stay as they were.
 */
class SummaryRetentionTest {

	private static final double DAY = 24 * 3600;

	private final CallCenterEvents events = new CallCenterEvents();

	@AfterEach
	void close() {
		this.events.close();
	}

	@Test
	void anEndedCallsSummaryIsDroppedAfterTheRetentionAndItsFiguresStay() {
		this.events.answered("old", 0, 10, "alice");
		this.events.ended("old", 70, "alice", CallEventReason.AGENT_ENDED);
		this.events.abandoned("old-gone", 0, 30);
		this.events.queued("still-waiting", 0);
		this.events.answered("later", 6 * DAY, 10, "alice");
		this.events.ended("later", 6 * DAY + 70, "alice", CallEventReason.AGENT_ENDED);
		Figures center = this.events.center();
		List<IntervalFigures> intervals = this.events.stores.intervals(T0, T0.plusSeconds(900));
		AgentFigures alice = this.events.stores.agentFigures().get("alice");

		// the events move on past a week after the old calls ended
		this.events.queued("next-week", 7 * DAY + 71);
		this.events.advanceWallClock(CallSummaries.SWEEP_EVERY);

		assertThat(this.events.stores.call("old")).isNull();
		assertThat(this.events.stores.call("old-gone")).isNull();
		// a call that has not ended, and one that ended within the week, are kept
		assertThat(this.events.stores.call("still-waiting")).isNotNull();
		assertThat(this.events.stores.call("later")).isNotNull();
		assertThat(this.events.center()).isEqualTo(center.plus(new Figures(1, 0, 0, 0, 0, 0, 0, 0)));
		assertThat(this.events.stores.intervals(T0, T0.plusSeconds(900))).isEqualTo(intervals);
		assertThat(this.events.stores.agentFigures().get("alice")).isEqualTo(alice);
		assertThat(alice).isEqualTo(new AgentFigures(2, 120_000));
		assertThat(this.events.stores.center().waitingSince()).containsOnlyKeys("still-waiting", "next-week");
	}

	@Test
	void nothingIsDroppedWhileTheEventsHaveNotMovedOnByTheRetention() {
		this.events.answered("call", 0, 10, "alice");
		this.events.ended("call", 70, "alice", CallEventReason.AGENT_ENDED);
		this.events.queued("six-days-later", 6 * DAY);
		this.events.advanceWallClock(CallSummaries.SWEEP_EVERY);

		assertThat(this.events.stores.call("call")).isNotNull();
		// an outcome recorded later still finds the call: counted once
		this.events.call("call", 6 * DAY + 10, CallEventType.WRAPPED, CallState.ENDED, "alice", null);
		assertThat(this.events.center().offered()).isEqualTo(2);
	}

}
