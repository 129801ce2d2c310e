package org.callcenter.stats.figures;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.callcenter.contracts.agents.AgentEvent.AgentEventType;
import org.callcenter.contracts.agents.AgentState;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.CallState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callcenter.stats.figures.CallCenterEvents.T0;

/**
 * Wrap-ups timed from the agent events, as queue-service sends them: {@code WRAP_UP} in
 * the change that ends the agent's call, another state when it is ready, its wrap-up time
 * is over, it goes away or offline.
 */
class WrapUpTopologyTest {

	private final CallCenterEvents events = new CallCenterEvents();

	@AfterEach
	void close() {
		this.events.close();
	}

	@Test
	void aWrapUpLastsFromTheCallsEndUntilTheAgentIsAvailableAgain() {
		this.events.agent("alice", 1, 0, AgentEventType.ONLINE, AgentState.AVAILABLE, null);
		this.events.answered("call", 0, 10, "alice");
		this.events.ended("call", 70, "alice", CallEventReason.AGENT_ENDED);
		this.events.wrapUp("alice", 2, 70, 100);
		// the sweep ends it when its time is over
		this.events.agent("alice", 3, 100, AgentEventType.STATE_CHANGED, AgentState.AVAILABLE, null);

		assertThat(this.events.stores.agentWrapUps()).containsExactly(Map.entry("alice", new WrapUps(1, 30_000)));
		assertThat(this.events.stores.intervalWrapUps(T0, T0.plusSeconds(900)))
			.containsExactly(Map.entry(T0, new WrapUps(1, 30_000)));
	}

	@Test
	void readyEarlyAwayAndOfflineEndAWrapUpAndARepeatedEventCountsOnce() {
		this.events.wrapUp("alice", 1, 10, 40);
		this.events.agent("alice", 2, 25, AgentEventType.STATE_CHANGED, AgentState.AVAILABLE, null);
		this.events.agent("alice", 2, 25, AgentEventType.STATE_CHANGED, AgentState.AVAILABLE, null);
		this.events.wrapUp("bob", 1, 10, 40);
		this.events.agent("bob", 2, 14, AgentEventType.STATE_CHANGED, AgentState.AWAY, "lunch");
		this.events.wrapUp("carol", 1, 10, 40);
		this.events.agent("carol", 2, 30, AgentEventType.OFFLINE, AgentState.OFFLINE, null);
		this.events.agent("carol", 2, 30, AgentEventType.OFFLINE, AgentState.OFFLINE, null);

		assertThat(this.events.stores.agentWrapUps()).containsExactly(Map.entry("alice", new WrapUps(1, 15_000)),
				Map.entry("bob", new WrapUps(1, 4_000)), Map.entry("carol", new WrapUps(1, 20_000)));
	}

	@Test
	void anotherCallEndingDuringAWrapUpStartsItsOwn() {
		this.events.wrapUp("alice", 1, 70, 100);
		// an event that repeats the state with the same end is not a new wrap-up
		this.events.wrapUp("alice", 2, 75, 100);
		this.events.wrapUp("alice", 3, 80, 110);
		this.events.agent("alice", 4, 95, AgentEventType.STATE_CHANGED, AgentState.AVAILABLE, null);

		assertThat(this.events.stores.agentWrapUps()).containsExactly(Map.entry("alice", new WrapUps(2, 25_000)));
	}

	@Test
	void aWrapUpStillUnderWayIsNotCountedYet() {
		this.events.wrapUp("alice", 1, 70, 100);

		assertThat(this.events.stores.agentWrapUps()).isEmpty();
		assertThat(this.events.stores.intervalWrapUps(T0, T0.plusSeconds(900))).isEmpty();
	}

	@Test
	void aWrapUpBelongsToTheQuarterHourItBeganIn() {
		this.events.wrapUp("alice", 1, 14 * 60 + 50, 15 * 60 + 20);
		this.events.agent("alice", 2, 15 * 60 + 20, AgentEventType.STATE_CHANGED, AgentState.AVAILABLE, null);
		this.events.wrapUp("alice", 3, 16 * 60, 16 * 60 + 30);
		this.events.agent("alice", 4, 16 * 60 + 10, AgentEventType.STATE_CHANGED, AgentState.AVAILABLE, null);

		assertThat(this.events.stores.intervalWrapUps(T0, T0.plusSeconds(1800))).containsExactly(
				Map.entry(T0, new WrapUps(1, 30_000)), Map.entry(T0.plusSeconds(900), new WrapUps(1, 10_000)));
	}

	@Test
	void recordingTheCallsOutcomeNeitherStartsNorEndsAWrapUp() {
		this.events.answered("call", 0, 10, "alice");
		this.events.ended("call", 70, "alice", CallEventReason.AGENT_ENDED);
		this.events.wrapUp("alice", 1, 70, 100);
		this.events.call("call", 80, CallEventType.WRAPPED, CallState.ENDED, "alice", null);
		this.events.agent("alice", 2, 90, AgentEventType.STATE_CHANGED, AgentState.AVAILABLE, null);
		this.events.call("call", 3600, CallEventType.WRAPPED, CallState.ENDED, "alice", null);

		assertThat(this.events.stores.agentWrapUps()).containsExactly(Map.entry("alice", new WrapUps(1, 20_000)));
		assertThat(this.events.center().handleMillis()).isEqualTo(60_000);
	}

}
