package org.callcenter.contracts.agents;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

import org.callcenter.contracts.WireNames;
import org.callcenter.contracts.calls.Topics;

/**
 * One change of an agent's presence or state, published on {@link Topics#AGENT_EVENTS}
 * keyed by {@code agentId}. {@code seq} grows by one with every change of the same agent,
 * so a consumer drops anything at or below the highest it has seen; {@code eventId} is
 * {@code agentId:seq}. Every event carries the agent's state after it, so the time an
 * agent spent in each state is the time between consecutive events.
 *
 * @param reason why an agent went offline; null otherwise
 * @param agentsOnline how many agents are online (in any state) after this change
 * @param agentsAvailable how many of them are {@link AgentState#AVAILABLE} (absent in
 * events written before agent states existed: 0)
 * @param state the agent's state after this change (null in events written before agent
 * states existed)
 * @param awayReason while {@link AgentState#AWAY}: why (one of queue-service's configured
 * away reasons, or {@code missed-offers} when it missed offers in a row); null otherwise
 * @param wrapUpUntil while {@link AgentState#WRAP_UP}: when it ends by itself; null
 * otherwise
 * @param agentsServing how many online agents are {@link AgentState#AVAILABLE} or in
 * {@link AgentState#WRAP_UP} (not away) after this change: those callers' pages share the
 * waiting line among for their expected wait (absent in events written before: 0)
 * @param queues the same per queue, by queue id (empty in events written before calls had
 * queues)
 */
public record AgentEvent(String eventId, String agentId, long seq, AgentEventType type, OfflineReason reason,
		int agentsOnline, Instant occurredAt, int agentsAvailable, AgentState state, String awayReason,
		Instant wrapUpUntil, int agentsServing, Map<String, QueueAgents> queues) {

	public AgentEvent {
		queues = (queues != null) ? Map.copyOf(queues) : Map.of();
	}

	/** A change as events told it before they counted each queue's agents. */
	public AgentEvent(String eventId, String agentId, long seq, AgentEventType type, OfflineReason reason,
			int agentsOnline, Instant occurredAt, int agentsAvailable, AgentState state, String awayReason,
			Instant wrapUpUntil, int agentsServing) {
		this(eventId, agentId, seq, type, reason, agentsOnline, occurredAt, agentsAvailable, state, awayReason,
				wrapUpUntil, agentsServing, Map.of());
	}

	/** A change as events told it before they counted the agents serving. */
	public AgentEvent(String eventId, String agentId, long seq, AgentEventType type, OfflineReason reason,
			int agentsOnline, Instant occurredAt, int agentsAvailable, AgentState state, String awayReason,
			Instant wrapUpUntil) {
		this(eventId, agentId, seq, type, reason, agentsOnline, occurredAt, agentsAvailable, state, awayReason,
				wrapUpUntil, 0);
	}

	/** A presence change as events told it before agent states existed. */
	public AgentEvent(String eventId, String agentId, long seq, AgentEventType type, OfflineReason reason,
			int agentsOnline, Instant occurredAt) {
		this(eventId, agentId, seq, type, reason, agentsOnline, occurredAt, 0, null, null, null, 0);
	}

	/** What happened to an agent. */
	public enum AgentEventType {

		/** The agent signed in and is {@link AgentState#AVAILABLE}. */
		ONLINE,
		/**
		 * The agent stopped taking callers; its callers went to other agents or back to
		 * the queue.
		 */
		OFFLINE,
		/**
		 * An online agent's state changed: it went away or came back, or a wrap-up began
		 * or ended.
		 */
		STATE_CHANGED

	}

	/**
	 * Why an agent went offline. Its callers move with the same reason
	 * ({@code CallEventReason}); on the wire each is its {@link #wireName()}, as it
	 * always was ({@code "agentLoggedOut"}).
	 */
	public enum OfflineReason {

		/** The agent signed out. */
		AGENT_LOGGED_OUT("agentLoggedOut"),
		/** No console of the agent was heard from for the grace period. */
		HEARTBEAT_LOST("heartbeatLost");

		private static final WireNames<OfflineReason> WIRE_NAMES = WireNames.of(values(), OfflineReason::wireName,
				"offline reason");

		private final String wireName;

		OfflineReason(String wireName) {
			this.wireName = wireName;
		}

		/** The name in JSON and in Redis, for example {@code agentLoggedOut}. */
		@JsonValue
		public String wireName() {
			return this.wireName;
		}

		/** The reason named {@code wireName}; null for none (null or empty). */
		public static OfflineReason fromWireName(String wireName) {
			return WIRE_NAMES.find(wireName);
		}

	}

}
