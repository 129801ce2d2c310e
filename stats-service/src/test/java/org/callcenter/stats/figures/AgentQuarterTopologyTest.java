package org.callcenter.stats.figures;

import java.time.Instant;
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
 * Per agent and quarter hour: a call's share in the quarter hour it reached the center
 * in, a wrap-up in the one it began in, as the agents' totals count them.
 */
class AgentQuarterTopologyTest {

	private static final Instant QUARTER_PAST = T0.plusSeconds(900);

	private final CallCenterEvents events = new CallCenterEvents();

	@AfterEach
	void close() {
		this.events.close();
	}

	@Test
	void eachAgentsCallsCountInTheQuarterHourTheyReachedTheCenterIn() {
		// alice's: dialed 10:05, answered after 10 s, 60 s talk
		this.events.answered("first", 5 * 60, 10, "alice");
		this.events.ended("first", 5 * 60 + 70, "alice", CallEventReason.AGENT_ENDED);
		// bob's: dialed 10:14:50, answered at 10:15:10, ended at 10:16:40: still 10:00's
		this.events.answered("second", 14 * 60 + 50, 20, "bob");
		this.events.ended("second", 16 * 60 + 40, "bob", CallEventReason.CALLER_LEFT);
		// bob's next: dialed 10:20, answered, still talking
		this.events.answered("third", 20 * 60, 5, "bob");

		assertThat(quarters(T0, T0.plusSeconds(1800)))
			.containsExactly(Map.entry("alice", Map.of(T0, new AgentQuarter(1, 60_000, 0, 0))), Map.entry("bob",
					Map.of(T0, new AgentQuarter(1, 90_000, 0, 0), QUARTER_PAST, new AgentQuarter(1, 0, 0, 0))));
		// a range holds the quarter hours that start in it
		assertThat(quarters(QUARTER_PAST, T0.plusSeconds(1800))).containsOnlyKeys("bob");
		assertThat(quarters(T0.plusSeconds(1), QUARTER_PAST)).isEmpty();
	}

	@Test
	void aWarmTakeOverCountsForTheColleagueAsTheTotalsDo() {
		this.events.answered("call", 0, 5, "alice");
		this.events.call("call", 20, CallEventType.CONSULT_STARTED, CallState.ON_CALL, "alice", null);
		this.events.call("call", 30, CallEventType.CONSULT_JOINED, CallState.ON_CALL, "alice", null);
		this.events.call("call", 65, CallEventType.ACCEPTED, CallState.ON_CALL, "bob", CallEventReason.TRANSFERRED);
		this.events.ended("call", 125, "bob", CallEventReason.AGENT_ENDED);

		assertThat(quarters(T0, QUARTER_PAST)).containsExactly(
				Map.entry("alice", Map.of(T0, new AgentQuarter(1, 60_000, 0, 0))),
				Map.entry("bob", Map.of(T0, new AgentQuarter(1, 60_000, 0, 0))));
		assertThat(this.events.stores.agentFigures()).containsExactly(Map.entry("alice", new AgentFigures(1, 60_000)),
				Map.entry("bob", new AgentFigures(1, 60_000)));
	}

	@Test
	void repeatedEventsAndACallAnsweredTwiceCountOnce() {
		this.events.answered("call", 0, 10, "alice");
		// alice's console goes silent: the caller waits again, then alice takes it again
		this.events.call("call", 40, CallEventType.QUEUED, CallState.WAITING, null, CallEventReason.HEARTBEAT_LOST);
		this.events.accepted("call", 50, "alice");
		this.events.ended("call", 110, "alice", CallEventReason.AGENT_ENDED);
		this.events.send("call", 4, 110, CallEventType.ENDED, CallState.ENDED, "alice", CallEventReason.AGENT_ENDED);

		assertThat(quarters(T0, QUARTER_PAST))
			.containsExactly(Map.entry("alice", Map.of(T0, new AgentQuarter(1, 90_000, 0, 0))));
	}

	@Test
	void aWrapUpCountsInTheQuarterHourItBeganIn() {
		this.events.agent("alice", 1, 0, AgentEventType.ONLINE, AgentState.AVAILABLE, null);
		// dialed 10:13, ended 10:14:50: wrap-up 10:14:50 to 10:15:20
		this.events.answered("call", 13 * 60, 10, "alice");
		this.events.ended("call", 14 * 60 + 50, "alice", CallEventReason.AGENT_ENDED);
		this.events.wrapUp("alice", 2, 14 * 60 + 50, 15 * 60 + 20);
		this.events.agent("alice", 3, 15 * 60 + 20, AgentEventType.STATE_CHANGED, AgentState.AVAILABLE, null);
		// a wrap-up that began at 10:16 after a call dialed at 10:14
		this.events.answered("later", 14 * 60, 5, "alice");
		this.events.ended("later", 16 * 60, "alice", CallEventReason.AGENT_ENDED);
		this.events.wrapUp("alice", 4, 16 * 60, 16 * 60 + 30);
		this.events.agent("alice", 5, 16 * 60 + 10, AgentEventType.STATE_CHANGED, AgentState.AVAILABLE, null);
		// one under way is not counted yet
		this.events.wrapUp("alice", 6, 17 * 60, 17 * 60 + 30);

		assertThat(quarters(T0, T0.plusSeconds(1800))).containsExactly(Map.entry("alice", Map.of(T0,
				new AgentQuarter(2, 100_000 + 115_000, 1, 30_000), QUARTER_PAST, new AgentQuarter(0, 0, 1, 10_000))));
	}

	private Map<String, Map<Instant, AgentQuarter>> quarters(Instant from, Instant to) {
		return this.events.stores.agentQuarters(from, to);
	}

}
