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
 * @param queueMove how this change moved waiting callers' places, so that their pages
 * need not read the queue again; null when it moved no waiting caller's place (absent in
 * events written before it existed)
 * @param outcome the outcome code the agent recorded for the call (one of queue-service's
 * configured outcomes), on an {@code ENDED} or {@code WRAPPED} event; null when none
 * @param notes the agent's free-text notes on the call, like {@code outcome}
 * @param message on a {@code MESSAGE} event: the chat message written
 * @param consultAgentId the colleague the call's agent consults on the call (a warm
 * transfer under way); on {@code CONSULT_ENDED}, the colleague whose consult ended; null
 * when none
 * @param queue the queue the call belongs to (the id queue-service's settings give it);
 * null in events written before calls had queues
 */
public record CallEvent(String eventId, String callId, long seq, CallEventType type, CallState state, String agentId,
		String previousAgentId, String sessionId, boolean callerConnected, CallEventReason reason, boolean queueChanged,
		Instant occurredAt, QueueMove queueMove, String outcome, String notes, ChatMessage message,
		String consultAgentId, String queue) {

	/** An event of a call whose queue is not said. */
	public CallEvent(String eventId, String callId, long seq, CallEventType type, CallState state, String agentId,
			String previousAgentId, String sessionId, boolean callerConnected, CallEventReason reason,
			boolean queueChanged, Instant occurredAt, QueueMove queueMove, String outcome, String notes,
			ChatMessage message, String consultAgentId) {
		this(eventId, callId, seq, type, state, agentId, previousAgentId, sessionId, callerConnected, reason,
				queueChanged, occurredAt, queueMove, outcome, notes, message, consultAgentId, null);
	}

	/** An event of a call without a consult. */
	public CallEvent(String eventId, String callId, long seq, CallEventType type, CallState state, String agentId,
			String previousAgentId, String sessionId, boolean callerConnected, CallEventReason reason,
			boolean queueChanged, Instant occurredAt, QueueMove queueMove, String outcome, String notes,
			ChatMessage message) {
		this(eventId, callId, seq, type, state, agentId, previousAgentId, sessionId, callerConnected, reason,
				queueChanged, occurredAt, queueMove, outcome, notes, message, null);
	}

	/** An event without a chat message. */
	public CallEvent(String eventId, String callId, long seq, CallEventType type, CallState state, String agentId,
			String previousAgentId, String sessionId, boolean callerConnected, CallEventReason reason,
			boolean queueChanged, Instant occurredAt, QueueMove queueMove, String outcome, String notes) {
		this(eventId, callId, seq, type, state, agentId, previousAgentId, sessionId, callerConnected, reason,
				queueChanged, occurredAt, queueMove, outcome, notes, null);
	}

	/** An event without the agent's notes. */
	public CallEvent(String eventId, String callId, long seq, CallEventType type, CallState state, String agentId,
			String previousAgentId, String sessionId, boolean callerConnected, CallEventReason reason,
			boolean queueChanged, Instant occurredAt, QueueMove queueMove) {
		this(eventId, callId, seq, type, state, agentId, previousAgentId, sessionId, callerConnected, reason,
				queueChanged, occurredAt, queueMove, null, null);
	}

	/** An event that moved no waiting caller's place. */
	public CallEvent(String eventId, String callId, long seq, CallEventType type, CallState state, String agentId,
			String previousAgentId, String sessionId, boolean callerConnected, CallEventReason reason,
			boolean queueChanged, Instant occurredAt) {
		this(eventId, callId, seq, type, state, agentId, previousAgentId, sessionId, callerConnected, reason,
				queueChanged, occurredAt, null);
	}

	/**
	 * This event as the caller's page may see it: the agent's outcome and notes are for
	 * the call center, not for the caller.
	 */
	public CallEvent withoutAgentNotes() {
		if (this.outcome == null && this.notes == null) {
			return this;
		}
		return new CallEvent(this.eventId, this.callId, this.seq, this.type, this.state, this.agentId,
				this.previousAgentId, this.sessionId, this.callerConnected, this.reason, this.queueChanged,
				this.occurredAt, this.queueMove, null, null, this.message, this.consultAgentId, this.queue);
	}

}
