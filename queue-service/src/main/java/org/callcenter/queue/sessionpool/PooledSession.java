package org.callcenter.queue.sessionpool;

import org.callcenter.contracts.tokens.SessionToken;

/**
 * An entry of the session pool, taken by a dial and owned by it: an OpenTok session and
 * the caller's credentials for it, all made ahead of demand, so that the dial asks nobody
 * for them.
 *
 * @param callId the id the dial gives its call (made like every call id, and no call has
 * it yet); the token's connection data names it
 * @param callerToken the caller's token for the session, valid a full token lifetime
 * after the entry's max age in the pool
 * @param createdAt epoch millisecond the entry was begun (before its session was
 * created), kept if it goes back to the pool so that it still expires on time
 * @param usableUntil epoch millisecond by which it must be handed out: its token was made
 * to outlast that by a full token lifetime ({@code createdAt} plus the max age when it
 * was made, which holds should {@code max-age} grow meanwhile)
 */
public record PooledSession(String callId, SessionToken callerToken, long createdAt, long usableUntil) {

	/** The OpenTok session id. */
	public String sessionId() {
		return this.callerToken.sessionId();
	}

}
