package org.callcenter.contracts.agents;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonValue;

import org.callcenter.contracts.WireNames;
import org.callcenter.contracts.calls.Topics;

/**
 * One change of an agent's presence, published on {@link Topics#AGENT_EVENTS} keyed by
 * {@code agentId}. {@code seq} grows by one with every change of the same agent, so a
 * consumer drops anything at or below the highest it has seen; {@code eventId} is
 * {@code agentId:seq}.
 *
 * @param reason why an agent went offline; null when online
 * @param agentsOnline how many agents are online after this change
 */
public record AgentEvent(String eventId, String agentId, long seq, AgentEventType type, OfflineReason reason,
		int agentsOnline, Instant occurredAt) {

	/** What happened to an agent. */
	public enum AgentEventType {

		/** The agent started taking callers. */
		ONLINE,
		/**
		 * The agent stopped taking callers; its callers went to other agents or back to
		 * the queue.
		 */
		OFFLINE

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
