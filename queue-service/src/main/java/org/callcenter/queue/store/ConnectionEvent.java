package org.callcenter.queue.store;

import org.callcenter.contracts.sessions.SessionEventType;

/**
 * A connection created or destroyed in a call's session, with who the connection belongs
 * to.
 *
 * @param userType {@code caller} or {@code agent}, from the token's connection data
 * @param userId the call id for a caller, the agent id for an agent
 */
public record ConnectionEvent(String eventId, SessionEventType type, String sessionId, String connectionId,
		String userType, String userId) {
}
