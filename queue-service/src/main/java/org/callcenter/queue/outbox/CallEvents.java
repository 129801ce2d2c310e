package org.callcenter.queue.outbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.agents.AgentEvent.AgentEventType;
import org.callcenter.contracts.agents.AgentEvent.OfflineReason;
import org.callcenter.contracts.agents.AgentState;
import org.callcenter.contracts.agents.QueueAgents;
import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.CallState;
import org.callcenter.contracts.calls.QueueMove;
import org.callcenter.queue.store.ChatMessages;

/**
 * Turns an outbox entry into the event published on Kafka: a call event (lib.lua's
 * {@code emit}) or, for entries of kind {@code agent}, an agent event
 * ({@code emit_agent}).
 */
final class CallEvents {

	private CallEvents() {
	}

	static boolean isAgentEvent(Map<String, String> entry) {
		return "agent".equals(entry.get("kind"));
	}

	static AgentEvent agentEvent(Map<String, String> entry) {
		String agentId = entry.get("agentId");
		long seq = Long.parseLong(entry.get("seq"));
		String state = blankToNull(entry.get("state"));
		return new AgentEvent(agentId + ":" + seq, agentId, seq, AgentEventType.valueOf(entry.get("type")),
				OfflineReason.fromWireName(entry.get("reason")), Integer.parseInt(entry.get("agentsOnline")),
				Instant.ofEpochMilli(Long.parseLong(entry.get("at"))),
				Integer.parseInt(entry.getOrDefault("agentsAvailable", "0")),
				(state != null) ? AgentState.valueOf(state) : null, blankToNull(entry.get("awayReason")),
				epochMillis(entry.get("wrapUpUntil")), Integer.parseInt(entry.getOrDefault("agentsServing", "0")),
				queueAgents(entry.get("queueAgents")));
	}

	/** lib.lua's {@code queueAgents}: {@code queue:online:serving}, comma-separated. */
	private static Map<String, QueueAgents> queueAgents(String written) {
		Map<String, QueueAgents> queues = new LinkedHashMap<>();
		if (written != null && !written.isEmpty()) {
			for (String one : written.split(",")) {
				String[] parts = one.split(":");
				queues.put(parts[0], new QueueAgents(Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
			}
		}
		return queues;
	}

	static CallEvent from(Map<String, String> entry) {
		String callId = entry.get("callId");
		long seq = Long.parseLong(entry.get("seq"));
		return new CallEvent(callId + ":" + seq, callId, seq, CallEventType.valueOf(entry.get("type")),
				CallState.valueOf(entry.get("state")), blankToNull(entry.get("agentId")),
				blankToNull(entry.get("previousAgentId")), entry.get("sessionId"), "1".equals(entry.get("connected")),
				CallEventReason.fromWireName(entry.get("reason")), "1".equals(entry.get("queueChanged")),
				Instant.ofEpochMilli(Long.parseLong(entry.get("at"))), queueMove(entry),
				blankToNull(entry.get("outcome")), blankToNull(entry.get("notes")),
				ChatMessages.parse(entry.get("message")), blankToNull(entry.get("consultAgentId")),
				blankToNull(entry.get("queue")));
	}

	/**
	 * The move lib.lua's {@code queue_move} numbered, or null: none, or an entry written
	 * before moves were.
	 */
	private static QueueMove queueMove(Map<String, String> entry) {
		String version = blankToNull(entry.get("moveVersion"));
		if (version == null) {
			return null;
		}
		return new QueueMove(Long.parseLong(version), Long.parseLong(entry.get("moveArrival")),
				"1".equals(entry.get("moveJoined")), blankToNull(entry.get("queue")));
	}

	private static Instant epochMillis(String value) {
		return (value == null || value.isEmpty()) ? null : Instant.ofEpochMilli(Long.parseLong(value));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
