package org.callcenter.contracts.calls;

import java.time.Instant;

/**
 * One change of one call, published on {@link Topics#CALL_EVENTS} keyed by
 * {@code callId}.
 *
 * <p>
 * {@code seq} grows by one with every change of the same call, so a consumer keeps the
 * highest {@code seq} it has seen per call and drops anything at or below it: the outbox
 * relay may deliver an event more than once. {@code eventId} is {@code callId:seq}.
 *
 * @param agentId the agent the call is assigned to after this change, or null
 * @param previousAgentId the agent the call was assigned to before this change, when it
 * changed
 * @param reason why the call ended, was put on hold or moved; null when nothing needs
 * explaining
 * @param queueChanged true when this change moved the pending queue, so waiting callers'
 * positions may have changed
 */
public record CallEvent(String eventId, String callId, long seq, CallEventType type, CallState state, String agentId,
		String previousAgentId, String sessionId, boolean callerConnected, CallEventReason reason, boolean queueChanged,
		Instant occurredAt) {
}
