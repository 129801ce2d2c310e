package org.callcenter.contracts.tokens;

import org.callcenter.contracts.sessions.ConnectionData;

/** Body of token-service's {@code POST /sessions/{sessionId}/tokens}. */
public record TokenRequest(String userId, ConnectionData.UserType userType) {
}
