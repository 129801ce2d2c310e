package org.callcenter.contracts.calls;

import com.fasterxml.jackson.annotation.JsonValue;

import org.callcenter.contracts.WireNames;

/**
 * Why a call ended, was put on hold or moved: {@link CallEvent#reason()}, and a call's
 * end reason in queue-service's API. This is every reason queue-service emits (its Redis
 * scripts write the same names, and a test there keeps them to this list). On the wire
 * and in Redis each is its {@link #wireName()}, as it always was ({@code "agentEnded"}),
 * so stored events and the pages read them unchanged.
 */
public enum CallEventReason {

	/** {@code ENDED}: the caller left (the page's Leave button). */
	CALLER_LEFT("callerLeft"),
	/** {@code ENDED}: the agent ended the call. */
	AGENT_ENDED("agentEnded"),
	/**
	 * {@code ENDED}: the caller's connection was lost and did not come back within the
	 * caller grace period, or its page went silent.
	 */
	CALLER_DISCONNECTED("callerDisconnected"),
	/**
	 * {@code ENDED}: the caller never connected to its session within the connect
	 * timeout.
	 */
	NEVER_CONNECTED("neverConnected"),
	/** {@code HELD}: the agent put the call on hold. */
	AGENT_HELD("agentHeld"),
	/** {@code HELD}: the agent accepted or resumed another call. */
	AGENT_SWITCHED("agentSwitched"),
	/** {@code HELD}: the agent's console lost its connection to the session. */
	AGENT_DISCONNECTED("agentDisconnected"),
	/**
	 * {@code ASSIGNED} or {@code QUEUED} again: the call's agent signed out (its
	 * {@code AgentEvent} carries the same reason).
	 */
	AGENT_LOGGED_OUT("agentLoggedOut"),
	/**
	 * {@code ASSIGNED} or {@code QUEUED} again: the call's agent went away and handed
	 * back the callers it had not accepted yet.
	 */
	AGENT_AWAY("agentAway"),
	/**
	 * {@code OFFERED} to another agent, or {@code QUEUED} again at its place: the agent
	 * it was offered to declined it.
	 */
	OFFER_DECLINED("offerDeclined"),
	/**
	 * {@code ASSIGNED} or {@code OFFERED} to another agent: its agent transferred the
	 * call ({@code previousAgentId}).
	 */
	TRANSFERRED("transferred"),
	/**
	 * {@code QUEUED} again at its place, or given to another agent with room: its agent
	 * transferred the call back to the queue.
	 */
	TRANSFERRED_TO_QUEUE("transferredToQueue"),
	/**
	 * {@code OFFERED} to another agent, or {@code QUEUED} again at its place: the agent
	 * it was offered to did not answer in time.
	 */
	OFFER_TIMED_OUT("offerTimedOut"),
	/**
	 * {@code ASSIGNED} or {@code QUEUED} again: no console of the call's agent was heard
	 * from for the grace period (its {@code AgentEvent} carries the same reason).
	 */
	HEARTBEAT_LOST("heartbeatLost"),
	/**
	 * {@code CONSULT_ENDED}: the call's agent cancelled its consult of a colleague (or
	 * transferred the call elsewhere meanwhile).
	 */
	CONSULT_CANCELLED("consultCancelled"),
	/**
	 * {@code CONSULT_ENDED}: the colleague consulted on the call declined or left (or
	 * took a caller of its own).
	 */
	CONSULT_DECLINED("consultDeclined");

	private static final WireNames<CallEventReason> WIRE_NAMES = WireNames.of(values(), CallEventReason::wireName,
			"call event reason");

	private final String wireName;

	CallEventReason(String wireName) {
		this.wireName = wireName;
	}

	/** The name in JSON and in Redis, for example {@code agentEnded}. */
	@JsonValue
	public String wireName() {
		return this.wireName;
	}

	/** The reason named {@code wireName}; null for none (null or empty). */
	public static CallEventReason fromWireName(String wireName) {
		return WIRE_NAMES.find(wireName);
	}

}
