package org.callcenter.contracts.calls;

/** Where a call stands, as a caller sees it. */
public enum CallState {

	/** In the pending queue, no agent yet. */
	WAITING,
	/** Given to an agent who has not accepted it yet. */
	ASSIGNED,
	/**
	 * Offered to an agent (routing by offers), who accepts or declines it before the
	 * offer times out; declined or timed out, it is offered to the next agent, keeping
	 * its place.
	 */
	OFFERED,
	/** Talking with the agent. */
	ON_CALL,
	/** The agent put the caller on hold; the caller stays connected. */
	ON_HOLD,
	/** Over. */
	ENDED

}
