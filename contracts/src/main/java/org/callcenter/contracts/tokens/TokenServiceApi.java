package org.callcenter.contracts.tokens;

/** Paths of token-service's HTTP API. */
public final class TokenServiceApi {

	/** {@code POST}: creates a routed session, answers {@link OpenTokSession}. */
	public static final String SESSIONS = "/sessions";

	/** {@code POST} a {@link TokenRequest}: answers a {@link SessionToken}. */
	public static final String TOKENS = "/sessions/{sessionId}/tokens";

	private TokenServiceApi() {
	}

}
