package org.callcenter.contracts.agents;

import java.time.Instant;

import org.callcenter.contracts.calls.Topics;

/**
 * One change of an agent's presence, published on {@link Topics#AGENT_EVENTS} keyed by
 * {@code agentId}. {@code seq} grows by one with every change of the same agent, so a consumer
 * drops anything at or below the highest it has seen; {@code eventId} is {@code agentId:seq}.
 *
 * @param reason why an agent went offline: {@code agentLoggedOut} (it signed out) or
 * {@code heartbeatLost} (no console was heard from for the grace period); null when online
 * @param agentsOnline how many agents are online after this change
 */
public record AgentEvent(String eventId, String agentId, long seq, AgentEventType type, String reason,
		int agentsOnline, Instant occurredAt) {

	/** What happened to an agent. */
	public enum AgentEventType {

		/** The agent started taking callers. */
		ONLINE,
		/** The agent stopped taking callers; its callers went to other agents or back to the queue. */
		OFFLINE

	}

}
