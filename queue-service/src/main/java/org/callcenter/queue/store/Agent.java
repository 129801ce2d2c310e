package org.callcenter.queue.store;

import java.time.Instant;
import java.util.Map;

import org.callcenter.contracts.agents.AgentState;

/**
 * An agent as stored in Redis.
 *
 * @param activeCallId the call the agent is talking on, if any
 * @param load how many callers are assigned to the agent
 * @param state whether the agent takes new callers
 * @param awayReason why the agent is {@link AgentState#AWAY}; null in any other state
 * @param stateSince when the agent entered its state (null for agents stored before
 * states existed)
 * @param wrapUpUntil when the agent's {@link AgentState#WRAP_UP} ends by itself; null in
 * any other state
 * @param consultingCallId the colleague's call the agent is asked to join (a warm
 * transfer), if any
 */
public record Agent(String id, String displayName, boolean online, String activeCallId, int load, AgentState state,
		String awayReason, Instant stateSince, Instant wrapUpUntil, String consultingCallId) {

	static Agent from(Map<String, String> fields) {
		boolean online = "1".equals(fields.get("online"));
		return new Agent(fields.get("id"), fields.get("displayName"), online, fields.get("activeCall"),
				Integer.parseInt(fields.getOrDefault("load", "0")), stateOf(online, fields.get("state")),
				fields.get("awayReason"), instant(fields.get("stateSince")), instant(fields.get("wrapUpUntil")),
				fields.get("consulting"));
	}

	/** An online agent stored before states existed was available. */
	static AgentState stateOf(boolean online, String state) {
		if (!online) {
			return AgentState.OFFLINE;
		}
		return (state != null) ? AgentState.valueOf(state) : AgentState.AVAILABLE;
	}

	private static Instant instant(String epochMillis) {
		return (epochMillis == null || epochMillis.isEmpty()) ? null
				: Instant.ofEpochMilli(Long.parseLong(epochMillis));
	}

}
