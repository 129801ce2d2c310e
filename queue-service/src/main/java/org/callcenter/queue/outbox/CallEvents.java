package org.callcenter.queue.outbox;

import java.time.Instant;
import java.util.Map;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.CallState;

/** Turns an outbox entry (written by lib.lua's {@code emit}) into the event published on Kafka. */
final class CallEvents {

	private CallEvents() {
	}

	static CallEvent from(Map<String, String> entry) {
		String callId = entry.get("callId");
		long seq = Long.parseLong(entry.get("seq"));
		return new CallEvent(callId + ":" + seq, callId, seq, CallEventType.valueOf(entry.get("type")),
				CallState.valueOf(entry.get("state")), blankToNull(entry.get("agentId")),
				blankToNull(entry.get("previousAgentId")), entry.get("sessionId"), "1".equals(entry.get("connected")),
				blankToNull(entry.get("reason")), "1".equals(entry.get("queueChanged")),
				Instant.ofEpochMilli(Long.parseLong(entry.get("at"))));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
