package org.callcenter.queue.outbox;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.agents.QueueAgents;
import org.callcenter.contracts.agents.AgentEvent.AgentEventType;
import org.callcenter.contracts.agents.AgentEvent.OfflineReason;
import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.CallState;
import org.callcenter.contracts.calls.QueueMove;

import static org.assertj.core.api.Assertions.assertThat;

class CallEventsTest {

	@Test
	void anOutboxEntryBecomesAnEventWhoseIdIsStableAcrossRedelivery() {
		Map<String, String> entry = entry("callId", "c-1", "seq", "3", "type", "QUEUED", "state", "WAITING", "agentId",
				"", "previousAgentId", "alice", "sessionId", "1_s", "connected", "1", "reason", "heartbeatLost",
				"queueChanged", "1", "at", "1700000000000");

		CallEvent event = CallEvents.from(entry);

		assertThat(event).isEqualTo(new CallEvent("c-1:3", "c-1", 3, CallEventType.QUEUED, CallState.WAITING, null,
				"alice", "1_s", true, CallEventReason.HEARTBEAT_LOST, true, Instant.ofEpochMilli(1700000000000L)));
		assertThat(CallEvents.from(entry)).isEqualTo(event);
	}

	@Test
	void emptyFieldsBecomeAbsentValues() {
		CallEvent event = CallEvents.from(entry("callId", "c-1", "seq", "1", "type", "ASSIGNED", "state", "ASSIGNED",
				"agentId", "bob", "previousAgentId", "", "sessionId", "1_s", "connected", "0", "reason", "",
				"queueChanged", "0", "at", "1"));

		assertThat(event.previousAgentId()).isNull();
		assertThat(event.reason()).isNull();
		assertThat(event.callerConnected()).isFalse();
		assertThat(event.queueChanged()).isFalse();
	}

	@Test
	void anAgentEntryBecomesAnAgentEventWithHowManyAgentsAreOnline() {
		Map<String, String> entry = entry("kind", "agent", "agentId", "alice", "seq", "7", "type", "OFFLINE", "reason",
				"heartbeatLost", "agentsOnline", "2", "at", "1700000000000");

		assertThat(CallEvents.isAgentEvent(entry)).isTrue();
		assertThat(CallEvents.agentEvent(entry)).isEqualTo(new AgentEvent("alice:7", "alice", 7, AgentEventType.OFFLINE,
				OfflineReason.HEARTBEAT_LOST, 2, Instant.ofEpochMilli(1700000000000L)));
	}

	@Test
	void anEntryWithoutKindIsACallEvent() {
		assertThat(CallEvents.isAgentEvent(entry("callId", "c-1", "seq", "1"))).isFalse();
	}

	@Test
	void reasonsKeepTheirNamesOnTheWire() {
		JsonMapper json = JsonMapper.builder().build();
		CallEvent ended = CallEvents.from(entry("callId", "c-1", "seq", "4", "type", "ENDED", "state", "ENDED",
				"agentId", "", "previousAgentId", "", "sessionId", "1_s", "connected", "1", "reason", "agentEnded",
				"queueChanged", "0", "at", "1"));

		String written = json.writeValueAsString(ended);

		assertThat(written).contains("\"reason\":\"agentEnded\"");
		assertThat(json.readValue(written, CallEvent.class)).isEqualTo(ended);
	}

	@Test
	void anAgentEventCountsEachQueuesAgents() {
		AgentEvent event = CallEvents
			.agentEvent(entry("kind", "agent", "agentId", "alice", "seq", "3", "type", "STATE_CHANGED", "reason", "",
					"agentsOnline", "3", "agentsServing", "2", "queueAgents", "sales:2:1,support:1:0", "at", "1"));

		assertThat(event.queues()).containsEntry("sales", new QueueAgents(2, 1))
			.containsEntry("support", new QueueAgents(1, 0))
			.hasSize(2);
		assertThat(CallEvents
			.agentEvent(entry("kind", "agent", "agentId", "alice", "seq", "2", "type", "OFFLINE", "reason",
					"agentLoggedOut", "agentsOnline", "0", "at", "1"))
			.queues()).as("an entry written before queues").isEmpty();
	}

	@Test
	void anAgentsOfflineReasonIsReadByItsWireName() {
		assertThat(CallEvents
			.agentEvent(entry("kind", "agent", "agentId", "alice", "seq", "2", "type", "OFFLINE", "reason",
					"agentLoggedOut", "agentsOnline", "0", "at", "1"))
			.reason()).isEqualTo(OfflineReason.AGENT_LOGGED_OUT);
	}

	@Test
	void aNumberedQueueMoveTravelsWithTheEventSoPagesNeedNotReadTheirCall() {
		JsonMapper json = JsonMapper.builder().build();
		CallEvent left = CallEvents
			.from(entry("callId", "c-1", "seq", "2", "type", "ASSIGNED", "state", "ASSIGNED", "agentId", "bob",
					"previousAgentId", "", "sessionId", "1_s", "connected", "1", "reason", "", "queueChanged", "1",
					"moveVersion", "41", "moveArrival", "7", "moveJoined", "0", "queue", "sales", "at", "1"));
		CallEvent returned = CallEvents.from(entry("callId", "c-2", "seq", "3", "type", "QUEUED", "state", "WAITING",
				"agentId", "", "previousAgentId", "alice", "sessionId", "1_t", "connected", "1", "reason",
				"heartbeatLost", "queueChanged", "1", "moveVersion", "42", "moveArrival", "3", "moveJoined", "1",
				"queue", "support", "at", "1"));

		// versions are per queue: each move says whose line it changed
		assertThat(left.queueMove()).isEqualTo(new QueueMove(41, 7, false, "sales"));
		assertThat(returned.queueMove()).isEqualTo(new QueueMove(42, 3, true, "support"));
		assertThat(returned.queue()).isEqualTo("support");
		String written = json.writeValueAsString(returned);
		assertThat(written)
			.contains("\"queueMove\":{\"version\":42,\"arrival\":3,\"joined\":true,\"queue\":\"support\"}");
		assertThat(json.readValue(written, CallEvent.class)).isEqualTo(returned);
	}

	@Test
	void aMoveNobodyIsBehindAndAnEntryWrittenBeforeMovesCarryNone() {
		CallEvent atTheEnd = CallEvents.from(entry("callId", "c-1", "seq", "1", "type", "QUEUED", "state", "WAITING",
				"agentId", "", "previousAgentId", "", "sessionId", "1_s", "connected", "0", "reason", "",
				"queueChanged", "1", "moveVersion", "", "moveArrival", "", "moveJoined", "1", "at", "1"));
		CallEvent older = CallEvents.from(entry("callId", "c-1", "seq", "1", "type", "QUEUED", "state", "WAITING",
				"agentId", "", "previousAgentId", "", "sessionId", "1_s", "connected", "0", "reason", "",
				"queueChanged", "1", "at", "1"));

		assertThat(atTheEnd.queueMove()).isNull();
		assertThat(atTheEnd.queueChanged()).isTrue();
		assertThat(older.queueMove()).isNull();
	}

	@Test
	void anEventWrittenBeforeQueueMovesExistedIsStillRead() {
		JsonMapper json = JsonMapper.builder().build();
		String old = "{\"eventId\":\"c-1:1\",\"callId\":\"c-1\",\"seq\":1,\"type\":\"QUEUED\",\"state\":\"WAITING\","
				+ "\"sessionId\":\"1_s\",\"callerConnected\":false,\"queueChanged\":true,\"occurredAt\":\"2026-01-01T00:00:00Z\"}";

		CallEvent event = json.readValue(old, CallEvent.class);

		assertThat(event.queueChanged()).isTrue();
		assertThat(event.queueMove()).isNull();
	}

	private static Map<String, String> entry(String... keysAndValues) {
		Map<String, String> entry = new java.util.HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			entry.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return entry;
	}

}
