package org.callcenter.queue.store;

import java.time.Instant;
import java.util.Map;

import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallState;

/**
 * One call as stored in Redis.
 *
 * @param queuePosition 1 for the next caller to be served, present only while
 * {@code WAITING}
 * @param connected whether the caller's browser has connected to its session (only
 * connected callers show in their agent's list and can be accepted)
 * @param stateSince when the call entered its current state (for the agent's timers)
 * @param reconnectBy while the caller's connection is lost: when the call ends unless it
 * comes back
 * @param agentsOnline how many agents were online when the call was read (so a waiting
 * caller can be told that nobody is there yet)
 * @param arrival the call's place in the order callers are served in (it keeps it when it
 * goes back to the queue); the pushed queue moves name calls by it
 * @param queueVersion while {@code WAITING}: the queue version {@code queuePosition} was
 * read at, so the caller's page applies only the pushed moves numbered after it
 * @param offerUntil while {@code OFFERED}: when the offer times out
 * @param agentName the display name of the call's agent, if it has one
 * @param transferredBy the agent that last transferred the call, if one did
 * @param transferNote what that agent wrote for the next one (not for the caller)
 * @param talkMs milliseconds the call spent {@code ON_CALL} before its current state (the
 * current state's share runs from {@code stateSince})
 * @param holdMs milliseconds the call spent {@code ON_HOLD} before its current state
 * @param consultAgentId while the call's agent consults a colleague on it (a warm
 * transfer): that colleague
 * @param consultAgentName the colleague's display name
 * @param consultJoined whether the colleague has joined the call's session
 * @param consultNote what the call's agent wrote for the colleague (not for the caller)
 * @param queue the queue the call belongs to (null for calls stored before queues were)
 */
public record Call(String id, String name, String reason, CallMode mode, String sessionId, CallState state,
		String agentId, boolean connected, Integer queuePosition, Instant joinedAt, Instant callStartedAt,
		Instant endedAt, CallEventReason endReason, Instant stateSince, Instant reconnectBy, int agentsOnline,
		Long arrival, Long queueVersion, Instant offerUntil, String agentName, String transferredBy,
		String transferNote, long talkMs, long holdMs, String consultAgentId, String consultAgentName,
		boolean consultJoined, String consultNote, String queue) {

	static Call from(Map<String, String> fields) {
		String agentId = fields.get("agentId");
		return new Call(fields.get("id"), fields.get("name"), fields.get("reason"),
				CallMode.valueOf(fields.get("mode")), fields.get("sessionId"), CallState.valueOf(fields.get("state")),
				(agentId == null || agentId.isEmpty()) ? null : agentId, "1".equals(fields.get("connected")),
				fields.containsKey("position") ? Integer.valueOf(fields.get("position")) : null,
				instant(fields.get("joinedAt")), instant(fields.get("callStartedAt")), instant(fields.get("endedAt")),
				CallEventReason.fromWireName(fields.get("endReason")),
				instant(fields.getOrDefault("stateSince", fields.get("joinedAt"))), instant(fields.get("reconnectBy")),
				Integer.parseInt(fields.getOrDefault("agentsOnline", "0")), longOrNull(fields.get("arrival")),
				longOrNull(fields.get("queueVersion")), instant(fields.get("offerUntil")),
				blankToNull(fields.get("agentName")), blankToNull(fields.get("transferredBy")),
				blankToNull(fields.get("transferNote")), Long.parseLong(fields.getOrDefault("talkMs", "0")),
				Long.parseLong(fields.getOrDefault("holdMs", "0")), blankToNull(fields.get("consultAgentId")),
				blankToNull(fields.get("consultAgentName")), "1".equals(fields.get("consultJoined")),
				blankToNull(fields.get("consultNote")), blankToNull(fields.get("queue")));
	}

	/** The call as its caller may read it: agents' notes are for agents. */
	public Call forCaller() {
		if (this.transferNote == null && this.consultNote == null) {
			return this;
		}
		return new Call(this.id, this.name, this.reason, this.mode, this.sessionId, this.state, this.agentId,
				this.connected, this.queuePosition, this.joinedAt, this.callStartedAt, this.endedAt, this.endReason,
				this.stateSince, this.reconnectBy, this.agentsOnline, this.arrival, this.queueVersion, this.offerUntil,
				this.agentName, this.transferredBy, null, this.talkMs, this.holdMs, this.consultAgentId,
				this.consultAgentName, this.consultJoined, null, this.queue);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static Long longOrNull(String value) {
		return (value != null) ? Long.valueOf(value) : null;
	}

	private static Instant instant(String epochMillis) {
		return (epochMillis != null) ? Instant.ofEpochMilli(Long.parseLong(epochMillis)) : null;
	}

}
