package org.callcenter.queue.store;

/** What applying one OpenTok session event did. */
public enum SessionEventOutcome {

	/** The call changed. */
	APPLIED,
	/**
	 * Nothing to change: stale, out of order, or about a connection the call does not
	 * know.
	 */
	IGNORED,
	/** This event id was applied before. */
	DUPLICATE,
	/** The session belongs to no call of this call center. */
	UNKNOWN_SESSION

}
