package org.callcenter.queue.tokens;

import java.net.http.HttpClient;

import org.callcenter.contracts.sessions.ConnectionData.UserType;
import org.callcenter.contracts.tokens.OpenTokSession;
import org.callcenter.contracts.tokens.SessionToken;
import org.callcenter.contracts.tokens.TokenRequest;
import org.callcenter.contracts.tokens.TokenServiceApi;
import org.callcenter.queue.system.QueueProperties;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * token-service, the only part of the suite that talks to OpenTok. Calls are bounded by
 * {@code queue.token-service-timeout} and never retried here: creating a session is not idempotent,
 * and a caller or agent can simply try again.
 */
@Component
public class TokenServiceClient {

	private static final java.time.Duration IDENTITY_VALIDITY = java.time.Duration.ofMinutes(1);

	private final RestClient http;

	TokenServiceClient(RestClient.Builder builder, QueueProperties properties, SignedCredentials credentials) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(properties.tokenServiceTimeout()).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.tokenServiceTimeout());
		this.http = builder.baseUrl(properties.tokenServiceUrl().toString())
			.requestFactory(requests)
			// token-service serves only the suite's own services: each request says who sends it
			.defaultRequest((request) -> request.header(SignedCredentials.SERVICE_HEADER,
					credentials.issue(Purpose.SERVICE, "queue-service", IDENTITY_VALIDITY)))
			.build();
	}

	public OpenTokSession createSession() {
		return call(() -> this.http.post().uri(TokenServiceApi.SESSIONS).retrieve().body(OpenTokSession.class));
	}

	public SessionToken token(String sessionId, String userId, UserType userType) {
		return call(() -> this.http.post()
			.uri(TokenServiceApi.TOKENS, sessionId)
			.body(new TokenRequest(userId, userType))
			.retrieve()
			.body(SessionToken.class));
	}

	private static <T> T call(Request<T> request) {
		try {
			T answer = request.send();
			if (answer == null) {
				throw new TokenServiceUnavailable(null);
			}
			return answer;
		}
		catch (RestClientException ex) {
			throw new TokenServiceUnavailable(ex);
		}
	}

	@FunctionalInterface
	private interface Request<T> {

		T send();

	}

}
