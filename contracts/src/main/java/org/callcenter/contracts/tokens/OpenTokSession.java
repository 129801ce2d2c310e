package org.callcenter.contracts.tokens;

/** Answer of token-service's {@code POST /sessions}: a new routed OpenTok session. */
public record OpenTokSession(String apiKey, String sessionId) {
}
