package org.callcenter.queue.agent;

import java.time.Instant;

import org.callcenter.contracts.agents.AgentState;
import org.callcenter.queue.store.Agent;

/**
 * Another online agent as a console shows it for transfers: nothing about its callers but
 * how many.
 *
 * @param canTakeTransfer whether a call can be transferred to it now (available, with
 * room)
 */
record Colleague(String id, String displayName, AgentState state, String awayReason, Instant stateSince, int load,
		boolean canTakeTransfer) {

	static Colleague of(Agent agent, int cap) {
		return new Colleague(agent.id(), agent.displayName(), agent.state(), agent.awayReason(), agent.stateSince(),
				agent.load(), agent.state() == AgentState.AVAILABLE && (cap == 0 || agent.load() < cap));
	}

}
