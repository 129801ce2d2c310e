package org.callcenter.contracts.tokens;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * token-service's HTTP API as an HTTP service interface: queue-service calls it through a
 * client proxy, token-service serves its paths. Every request must carry a signed service
 * identity ({@code X-Service-Identity}, see service-trust), or token-service answers 401.
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface TokenServiceApi {

	/** Path of {@link #createSession()}. */
	String SESSIONS = "/sessions";

	/** Path of {@link #token(String, TokenRequest)}. */
	String TOKENS = "/sessions/{sessionId}/tokens";

	/**
	 * Creates a routed OpenTok session (media through OpenTok's servers) for one call;
	 * 201.
	 */
	@PostExchange(SESSIONS)
	OpenTokSession createSession();

	/** A client token for the session, whose connection data says who connects; 201. */
	@PostExchange(url = TOKENS, contentType = MediaType.APPLICATION_JSON_VALUE)
	SessionToken token(@PathVariable("sessionId") String sessionId, @RequestBody TokenRequest request);

}
