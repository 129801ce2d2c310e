package org.callcenter.contracts.calls;

/** What happened to a call. */
public enum CallEventType {

	/** The caller waits in the pending queue for an agent with room. */
	QUEUED,
	/**
	 * The caller was given to an agent (on dial, from the queue, or from an agent who
	 * left).
	 */
	ASSIGNED,
	/**
	 * The caller was offered to an agent (routing by offers): the agent accepts
	 * (ACCEPTED) or declines it before the offer times out, or it goes to the next agent
	 * ({@link CallEventReason#OFFER_DECLINED}, {@link CallEventReason#OFFER_TIMED_OUT}).
	 */
	OFFERED,
	/**
	 * The caller's browser connected (or came back) to its OpenTok session: its agent can
	 * now see it.
	 */
	CALLER_CONNECTED,
	/**
	 * The caller's connection was lost (a reload, a network drop): the call keeps its
	 * place and state for the caller grace period, and ends if the caller does not come
	 * back (CALLER_CONNECTED) in time.
	 */
	CALLER_DISCONNECTED,
	/** The agent took the call. */
	ACCEPTED,
	/**
	 * The agent put the call on hold (to take another, or because its console
	 * disconnected).
	 */
	HELD,
	/** The agent took the call back from hold. */
	RESUMED,
	/** The call is over; {@link CallEvent#reason()} says why. */
	ENDED,
	/**
	 * The agent recorded an outcome and notes for the ended call (during its wrap-up or
	 * later); the call's state stays {@code ENDED}.
	 */
	WRAPPED,
	/**
	 * The caller or the agent wrote in the call's chat ({@link CallEvent#message()}); the
	 * call's state does not change.
	 */
	MESSAGE,
	/**
	 * A warm transfer began: the call's agent asked a colleague
	 * ({@link CallEvent#consultAgentId()}) to join the call; the call's state does not
	 * change.
	 */
	CONSULT_STARTED,
	/**
	 * The colleague joined the call's session: caller, agent and colleague talk together
	 * until the colleague takes the call over ({@code ACCEPTED} by it, reason
	 * {@code transferred}) or the consult ends.
	 */
	CONSULT_JOINED,
	/**
	 * The consult ended without a take-over ({@link CallEvent#reason()} says why;
	 * {@link CallEvent#consultAgentId()} names the colleague who leaves); the call stays
	 * with its agent, unless the same change ended or moved it.
	 */
	CONSULT_ENDED

}
