package org.callcenter.queue.agent;

import java.time.Instant;

import org.callcenter.contracts.agents.AgentState;
import org.callcenter.queue.store.Agent;

/**
 * Another online agent as a console shows it for transfers: nothing about its callers but
 * how many.
 *
 * @param canTakeTransfer whether a call can be transferred to it now (available, not
 * asked to join another call, with room); lib.lua's {@code takes_transfer} decides for
 * the transfer itself
 * @param canJoinCall whether it can be asked to join a call now (a warm transfer): it can
 * take a transfer and is on no call
 */
record Colleague(String id, String displayName, AgentState state, String awayReason, Instant stateSince, int load,
		boolean canTakeTransfer, boolean canJoinCall) {

	static Colleague of(Agent agent, int cap) {
		boolean canTakeTransfer = agent.state() == AgentState.AVAILABLE && agent.consultingCallId() == null
				&& (cap == 0 || agent.load() < cap);
		return new Colleague(agent.id(), agent.displayName(), agent.state(), agent.awayReason(), agent.stateSince(),
				agent.load(), canTakeTransfer, canTakeTransfer && agent.activeCallId() == null);
	}

}
