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

	/**
	 * The live figures of stats-service, each change as it happens, keyed by what it is
	 * about ({@code live}, {@code agent:<agent id>}, {@code interval:<start>}), the value
	 * the JSON its REST API answers for that key. Compacted: the topic holds the latest
	 * figures, so a reader starting from its beginning knows them all.
	 */
	public static final String STATS = "callcenter.stats";

	/**
	 * Header of every call and agent event: its position in the call center's one ordered
	 * stream of changes (the Redis outbox entry id, {@code <ms>-<n>}, compared as two
	 * numbers). Events of different calls and agents, on different topics and partitions,
	 * happened in the order of their positions; for example an agent's state when a call
	 * was assigned to it is the state of its last event before that call event.
	 */
	public static final String OUTBOX_POSITION_HEADER = "callcenter-outbox-position";

	private Topics() {
	}

}
