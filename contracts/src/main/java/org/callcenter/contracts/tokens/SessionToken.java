package org.callcenter.contracts.tokens;

import java.time.Instant;

/**
 * A client token for one OpenTok session: everything a browser needs to connect to it.
 */
public record SessionToken(String apiKey, String sessionId, String token, Instant expiresAt) {
}
