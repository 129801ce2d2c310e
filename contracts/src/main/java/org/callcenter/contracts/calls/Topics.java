package org.callcenter.contracts.calls;

/**
 * Kafka topic names. Keys are chosen for ordering: all events of one call or session
 * share a partition.
 */
public final class Topics {

	/** {@link CallEvent}s keyed by call id, produced by queue-service. */
	public static final String CALL_EVENTS = "callcenter.call-events";

	/**
	 * {@link org.callcenter.contracts.agents.AgentEvent}s keyed by agent id, produced by
	 * queue-service.
	 */
	public static final String AGENT_EVENTS = "callcenter.agent-events";

	/**
	 * {@link org.callcenter.contracts.sessions.SessionEvent}s keyed by OpenTok session
	 * id, produced by callback-service.
	 */
	public static final String SESSION_EVENTS = "opentok.session-events";

	private Topics() {
	}

}
