package org.callcenter.token;

import java.time.Clock;
import java.time.Duration;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.web.client.RestClient;

/** Calls token-service as queue-service does: with a signed service identity. */
final class ServiceIdentity {

	/**
	 * application.yml's local default ({@code trust.internal-secret}), which these tests
	 * run with.
	 */
	static final String SECRET = "local-only-internal-secret-change-me";

	private ServiceIdentity() {
	}

	static String issue() {
		return new SignedCredentials(SECRET, Clock.systemUTC()).issue(Purpose.SERVICE, "queue-service",
				Duration.ofMinutes(5));
	}

	/**
	 * A client to token-service on {@code port} that presents the identity on every
	 * request.
	 */
	static RestClient client(int port) {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultRequest((request) -> request.header(SignedCredentials.SERVICE_HEADER, issue()))
			.build();
	}

}
