package org.callcenter.queue.tokens;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.callcenter.contracts.sessions.ConnectionData.UserType;
import org.callcenter.contracts.tokens.OpenTokSession;
import org.callcenter.contracts.tokens.SessionToken;
import org.callcenter.contracts.tokens.TokenRequest;
import org.callcenter.contracts.tokens.TokenServiceApi;
import org.callcenter.queue.QueueProperties;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * token-service, the only part of the suite that talks to OpenTok, through its HTTP
 * service interface ({@link TokenServiceApi}): one client proxy per instance, over a
 * {@link RestClient} from Boot's builder. Calls are bounded by
 * {@code queue.token-service-timeout}. With several instances, each call starts at the
 * next one in turn, and a refused connection (the instance is down: the request never
 * reached it) is tried on the following; any other failure is not retried here, since
 * creating a session is not idempotent and a caller or agent can simply try again.
 * (Boot's {@code @ImportHttpServices} gives a group one base URL; failing over across
 * instances needs a proxy each.)
 */
@Component
public class TokenServiceClient {

	private static final Duration IDENTITY_VALIDITY = Duration.ofMinutes(1);

	private final List<TokenServiceApi> instances;

	private final AtomicInteger next = new AtomicInteger();

	TokenServiceClient(RestClient.Builder builder, QueueProperties properties, SignedCredentials credentials) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(properties.tokenServiceTimeout()).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.tokenServiceTimeout());
		RestClient.Builder common = builder.requestFactory(requests)
			// token-service serves only the suite's own services: each request says who
			// sends it
			.defaultRequest((request) -> request.header(SignedCredentials.SERVICE_HEADER,
					credentials.issue(Purpose.SERVICE, "queue-service", IDENTITY_VALIDITY)));
		this.instances = properties.tokenServiceUrls()
			.stream()
			.map((url) -> proxy(common.clone().baseUrl(url.toString()).build()))
			.toList();
	}

	private static TokenServiceApi proxy(RestClient instance) {
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(instance))
			.build()
			.createClient(TokenServiceApi.class);
	}

	public OpenTokSession createSession() {
		return call(TokenServiceApi::createSession);
	}

	public SessionToken token(String sessionId, String userId, UserType userType) {
		return call((tokenService) -> tokenService.token(sessionId, new TokenRequest(userId, userType)));
	}

	/**
	 * A token that waits up to {@code heldFor} before its user gets it (the session
	 * pool's), so token-service makes it valid that much longer.
	 */
	public SessionToken tokenHeldFor(String sessionId, String userId, UserType userType, Duration heldFor) {
		return call((tokenService) -> tokenService.token(sessionId, new TokenRequest(userId, userType, heldFor)));
	}

	private <T> T call(Function<TokenServiceApi, T> request) {
		int first = Math.floorMod(this.next.getAndIncrement(), this.instances.size());
		RestClientException last = null;
		for (int i = 0; i < this.instances.size(); i++) {
			try {
				T answer = request.apply(this.instances.get((first + i) % this.instances.size()));
				if (answer == null) {
					throw new TokenServiceUnavailable(null);
				}
				return answer;
			}
			catch (RestClientException ex) {
				if (!refused(ex)) {
					throw new TokenServiceUnavailable(ex);
				}
				last = ex;
			}
		}
		throw new TokenServiceUnavailable(last);
	}

	private static boolean refused(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

}
