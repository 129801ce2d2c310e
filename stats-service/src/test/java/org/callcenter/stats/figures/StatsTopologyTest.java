package org.callcenter.stats.figures;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.callcenter.contracts.agents.AgentEvent.AgentEventType;
import org.callcenter.contracts.agents.AgentState;
import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.CallState;
import org.callcenter.stats.figures.StatsStores.IntervalFigures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.callcenter.stats.figures.CallCenterEvents.T0;
import static org.callcenter.stats.figures.CallCenterEvents.at;

/**
 * Every figure from hand-written event sequences with known answers, against a 20 s
 * service-level threshold and a 5 s short abandon.
 */
class StatsTopologyTest {

	private final CallCenterEvents events = new CallCenterEvents();

	@AfterEach
	void close() {
		this.events.close();
	}

	@Test
	void aCallAnsweredAt19sIsWithinServiceLevelAndOneAt21sIsNot() {
		this.events.answered("early", 0, 19, "alice");
		this.events.answered("late", 0, 21, "bob");

		Figures center = this.events.center();
		assertThat(center.offered()).isEqualTo(2);
		assertThat(center.answered()).isEqualTo(2);
		assertThat(center.answeredInThreshold()).isEqualTo(1);
		assertThat(center.serviceLevel()).isEqualTo(0.5);
		assertThat(center.averageSpeedOfAnswerSeconds()).isEqualTo(20.0);
	}

	@Test
	void aCallAnsweredExactlyAtTheThresholdIsWithinServiceLevel() {
		this.events.answered("on-the-dot", 0, 20, "alice");

		assertThat(this.events.center().serviceLevel()).isEqualTo(1.0);
	}

	@Test
	void callersWhoGiveUpAt19sOr21sAreBothAbandonedAndBothCountAgainstServiceLevel() {
		this.events.answered("answered", 0, 10, "alice");
		this.events.abandoned("gave-up-at-19", 0, 19);
		this.events.queued("gave-up-at-21", 0);
		this.events.ended("gave-up-at-21", 21, null, CallEventReason.CALLER_DISCONNECTED);

		Figures center = this.events.center();
		assertThat(center.offered()).isEqualTo(3);
		assertThat(center.abandoned()).isEqualTo(2);
		assertThat(center.shortAbandoned()).isZero();
		// abandoned callers are not forgiven for giving up before the threshold
		assertThat(center.serviceLevel()).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(center.abandonRate()).isCloseTo(2.0 / 3, within(1e-9));
		// only answered calls make the average speed of answer
		assertThat(center.averageSpeedOfAnswerSeconds()).isEqualTo(10.0);
	}

	@Test
	void aCallerWhoGivesUpWithinTheShortAbandonTimeIsLeftOutOfServiceLevel() {
		this.events.answered("answered", 0, 10, "alice");
		this.events.abandoned("misdial", 0, 4);

		Figures center = this.events.center();
		assertThat(center.abandoned()).isEqualTo(1);
		assertThat(center.shortAbandoned()).isEqualTo(1);
		assertThat(center.serviceLevel()).isEqualTo(1.0);
		assertThat(center.abandonRate()).isEqualTo(0.0);

		this.events.abandoned("five-seconds", 0, 5);
		assertThat(this.events.center().shortAbandoned()).isEqualTo(1);
		assertThat(this.events.center().serviceLevel()).isEqualTo(0.5);
	}

	@Test
	void aCallEndedUnansweredByTheAgentIsNeitherAnsweredNorAbandoned() {
		this.events.queued("call", 0);
		this.events.assigned("call", 1, "alice");
		this.events.ended("call", 30, "alice", CallEventReason.AGENT_ENDED);

		Figures center = this.events.center();
		assertThat(center.offered()).isEqualTo(1);
		assertThat(center.answered()).isZero();
		assertThat(center.abandoned()).isZero();
		assertThat(center.serviceLevel()).isNull();
	}

	@Test
	void aRepeatedEventIsCountedOnce() {
		this.events.queued("call", 0);
		this.events.assigned("call", 1, "alice");
		CallEvent accepted = this.events.call("call", 12, CallEventType.ACCEPTED, CallState.ON_CALL, "alice", null);
		CallEvent ended = this.events.call("call", 72, CallEventType.ENDED, CallState.ENDED, "alice",
				CallEventReason.AGENT_ENDED);
		this.events.sendAgain(accepted);
		this.events.sendAgain(ended);
		this.events.sendAgain(accepted);

		Figures center = this.events.center();
		assertThat(center.offered()).isEqualTo(1);
		assertThat(center.answered()).isEqualTo(1);
		assertThat(center.handled()).isEqualTo(1);
		assertThat(center.averageHandleSeconds()).isEqualTo(60.0);
		assertThat(this.events.stores.agentFigures().get("alice")).isEqualTo(new AgentFigures(1, 60_000));
	}

	@Test
	void anOlderEventArrivingLateIsIgnored() {
		this.events.send("call", 1, 0, CallEventType.QUEUED, CallState.WAITING, null, null);
		this.events.send("call", 3, 9, CallEventType.ACCEPTED, CallState.ON_CALL, "alice", null);
		this.events.send("call", 2, 1, CallEventType.ASSIGNED, CallState.ASSIGNED, "alice", null);

		CallSummary call = this.events.stores.call("call");
		assertThat(call.state()).isEqualTo(CallState.ON_CALL);
		assertThat(call.lastSeq()).isEqualTo(3);
		assertThat(this.events.stores.center().waitingSince()).isEmpty();
		assertThat(this.events.center().averageSpeedOfAnswerSeconds()).isEqualTo(9.0);
	}

	@Test
	void handleTimeRunsFromAcceptToEndAndSpansAHold() {
		this.events.answered("call", 0, 10, "alice");
		this.events.call("call", 30, CallEventType.HELD, CallState.ON_HOLD, "alice", CallEventReason.AGENT_HELD);
		this.events.call("call", 60, CallEventType.RESUMED, CallState.ON_CALL, "alice", null);
		this.events.ended("call", 100, "alice", CallEventReason.AGENT_ENDED);

		assertThat(this.events.center().handled()).isEqualTo(1);
		assertThat(this.events.center().averageHandleSeconds()).isEqualTo(90.0);
		assertThat(this.events.stores.agentFigures().get("alice")).isEqualTo(new AgentFigures(1, 90_000));
	}

	@Test
	void aCallThatLosesItsAgentAndIsAnsweredByAnotherIsCountedOnceForTheAgentWhoAnswered() {
		this.events.queued("call", 0);
		this.events.assigned("call", 2, "alice");
		// alice signs out before accepting: the caller goes back to the queue
		this.events.call("call", 5, CallEventType.QUEUED, CallState.WAITING, null, CallEventReason.AGENT_LOGGED_OUT);
		assertThat(this.events.stores.center().waitingSince()).containsOnlyKeys("call");
		this.events.assigned("call", 8, "bob");
		this.events.accepted("call", 12, "bob");
		this.events.ended("call", 72, "bob", CallEventReason.AGENT_ENDED);

		Figures center = this.events.center();
		assertThat(center.offered()).isEqualTo(1);
		assertThat(center.answered()).isEqualTo(1);
		assertThat(center.averageSpeedOfAnswerSeconds()).isEqualTo(12.0);
		assertThat(this.events.stores.agentFigures()).containsOnlyKeys("bob");
		assertThat(this.events.stores.agentFigures().get("bob")).isEqualTo(new AgentFigures(1, 60_000));
		assertThat(this.events.stores.center().waitingSince()).isEmpty();
	}

	@Test
	void aCallRequeuedAfterItsAgentAnsweredIsAnsweredOnceForTheCenterAndOnceForEachAgent() {
		this.events.answered("call", 0, 10, "alice");
		// alice's console goes silent: the caller waits again, then bob takes it
		this.events.call("call", 40, CallEventType.QUEUED, CallState.WAITING, null, CallEventReason.HEARTBEAT_LOST);
		assertThat(this.events.stores.center().waitingSince()).containsEntry("call", T0);
		this.events.accepted("call", 50, "bob");
		this.events.ended("call", 110, "bob", CallEventReason.AGENT_ENDED);

		Figures center = this.events.center();
		assertThat(center.answered()).isEqualTo(1);
		assertThat(center.averageSpeedOfAnswerSeconds()).isEqualTo(10.0);
		assertThat(center.averageHandleSeconds()).isEqualTo(100.0);
		assertThat(this.events.stores.agentFigures().get("alice")).isEqualTo(new AgentFigures(1, 30_000));
		assertThat(this.events.stores.agentFigures().get("bob")).isEqualTo(new AgentFigures(1, 60_000));
	}

	@Test
	void aWarmTakeOverCountsForTheColleagueWhoTookTheCallOver() {
		this.events.answered("call", 0, 5, "alice");
		this.events.call("call", 20, CallEventType.CONSULT_STARTED, CallState.ON_CALL, "alice", null);
		this.events.call("call", 30, CallEventType.CONSULT_JOINED, CallState.ON_CALL, "alice", null);
		this.events.call("call", 65, CallEventType.ACCEPTED, CallState.ON_CALL, "bob", CallEventReason.TRANSFERRED);
		this.events.ended("call", 125, "bob", CallEventReason.AGENT_ENDED);

		assertThat(this.events.center().answered()).isEqualTo(1);
		assertThat(this.events.center().averageHandleSeconds()).isEqualTo(120.0);
		assertThat(this.events.stores.agentFigures().get("alice")).isEqualTo(new AgentFigures(1, 60_000));
		assertThat(this.events.stores.agentFigures().get("bob")).isEqualTo(new AgentFigures(1, 60_000));
	}

	@Test
	void callsWaitingNowAreThoseNotYetWithAnAgent() {
		this.events.queued("in-queue", 0);
		this.events.queued("assigned", 3);
		this.events.assigned("assigned", 4, "alice");
		this.events.queued("offered", 6);
		this.events.call("offered", 7, CallEventType.OFFERED, CallState.OFFERED, "bob", null);
		this.events.answered("talking", 1, 5, "carol");
		this.events.abandoned("gone", 2, 8);

		assertThat(this.events.stores.center().waitingSince()).containsOnlyKeys("in-queue", "assigned", "offered")
			.containsEntry("in-queue", at(0))
			.containsEntry("offered", at(6));
	}

	@Test
	void figuresPerQuarterHourBelongToTheIntervalTheCallReachedTheCenterIn() {
		// reached the center at 10:14:50, answered at 10:15:05 (15 s): the 10:00 interval
		this.events.answered("first", 14 * 60 + 50, 15, "alice");
		this.events.ended("first", 14 * 60 + 50 + 75, "alice", CallEventReason.AGENT_ENDED);
		// two calls in the 10:15 interval: one answered after 25 s, one abandoned
		this.events.answered("second", 20 * 60, 25, "bob");
		this.events.abandoned("third", 21 * 60, 30);

		List<IntervalFigures> intervals = this.events.stores.intervals(T0, T0.plusSeconds(30 * 60));
		assertThat(intervals).extracting(IntervalFigures::start)
			.containsExactly(T0, Instant.parse("2026-11-26T10:15:00Z"));
		Figures tenOClock = intervals.get(0).figures();
		assertThat(tenOClock).isEqualTo(new Figures(1, 1, 1, 0, 0, 15_000, 1, 60_000));
		assertThat(tenOClock.serviceLevel()).isEqualTo(1.0);
		Figures quarterPast = intervals.get(1).figures();
		assertThat(quarterPast.offered()).isEqualTo(2);
		assertThat(quarterPast.answered()).isEqualTo(1);
		assertThat(quarterPast.abandoned()).isEqualTo(1);
		assertThat(quarterPast.serviceLevel()).isEqualTo(0.0);
		assertThat(quarterPast.averageSpeedOfAnswerSeconds()).isEqualTo(25.0);
		assertThat(quarterPast.averageHandleSeconds()).isNull();

		assertThat(this.events.stores.intervals(T0.plusSeconds(15 * 60), T0.plusSeconds(30 * 60)))
			.extracting(IntervalFigures::start)
			.containsExactly(Instant.parse("2026-11-26T10:15:00Z"));
		assertThat(this.events.stores.intervals(T0.plusSeconds(30 * 60), T0.plusSeconds(60 * 60))).isEmpty();
	}

	@Test
	void anAgentsStateIsItsLatestWithTheTimeItEnteredIt() {
		this.events.agent("alice", 1, 0, AgentEventType.ONLINE, AgentState.AVAILABLE, null);
		this.events.agent("alice", 2, 60, AgentEventType.STATE_CHANGED, AgentState.AWAY, "lunch");
		// the same state again (a count of agents changed): the time in it goes on
		this.events.agent("alice", 3, 90, AgentEventType.STATE_CHANGED, AgentState.AWAY, "lunch");
		// a repeat and a late event change nothing
		this.events.agent("alice", 3, 95, AgentEventType.STATE_CHANGED, AgentState.AVAILABLE, null);
		this.events.agent("alice", 1, 0, AgentEventType.ONLINE, AgentState.AVAILABLE, null);

		AgentStatus alice = this.events.stores.agentStatuses().get("alice");
		assertThat(alice.state()).isEqualTo(AgentState.AWAY);
		assertThat(alice.awayReason()).isEqualTo("lunch");
		assertThat(alice.since()).isEqualTo(at(60));

		this.events.agent("alice", 4, 120, AgentEventType.OFFLINE, null, null);
		assertThat(this.events.stores.agentStatuses().get("alice").state()).isEqualTo(AgentState.OFFLINE);
		assertThat(this.events.stores.agentStatuses().get("alice").since()).isEqualTo(at(120));
	}

	@Test
	void aRecordThatIsNotACallEventIsSkipped() {
		this.events.sendRaw("broken", "{not json");
		this.events.answered("call", 0, 10, "alice");

		assertThat(this.events.center().answered()).isEqualTo(1);
	}

	@Test
	void anEventTypeAddedLaterDoesNotStopTheFigures() {
		this.events.queued("call", 0);
		this.events.sendRaw("call",
				"{\"eventId\":\"call:2\",\"callId\":\"call\",\"seq\":2,\"type\":\"SOMETHING_NEW\",\"state\":\"WAITING\","
						+ "\"occurredAt\":\"2026-11-26T10:00:01Z\",\"futureField\":1}");
		this.events.send("call", 3, 4, CallEventType.ACCEPTED, CallState.ON_CALL, "alice", null);

		assertThat(this.events.stores.call("call").lastSeq()).isEqualTo(3);
		assertThat(this.events.center().averageSpeedOfAnswerSeconds()).isEqualTo(4.0);
	}

}
