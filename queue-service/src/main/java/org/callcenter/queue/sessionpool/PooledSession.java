package org.callcenter.queue.sessionpool;

/**
 * An OpenTok session taken from the pool: owned by the one dial that took it.
 *
 * @param sessionId the OpenTok session id
 * @param createdAt epoch millisecond the session was created, kept if it goes back to the
 * pool so that it still expires on time
 */
public record PooledSession(String sessionId, long createdAt) {
}
