package org.callcenter.emulator.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.callcenter.emulator.system.EmulatorProperties;
import org.callcenter.emulator.system.EmulatorProperties.CallbackMode;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectAuthInterceptorTest {

	static final String SECRET = "emulator-secret-0123456789abcdef01234567";

	private static final long NOW = 1_800_000_000L;

	private final ProjectAuthInterceptor interceptor = new ProjectAuthInterceptor(properties(),
			Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

	@Test
	void theProjectsOwnTokenPasses() throws Exception {
		assertThat(answer("/session/create", claims(NOW, NOW + 180), SECRET)).isEmpty();
		assertThat(answer("/v2/project/12345678/session/x", claims(NOW, NOW + 180), SECRET)).isEmpty();
	}

	@Test
	void expiredAndFutureTokensAreRefusedBeyondThirtySecondsOfSkew() throws Exception {
		assertThat(answer("/session/create", claims(NOW - 200, NOW - 30), SECRET)).isEmpty();
		assertThat(answer("/session/create", claims(NOW - 200, NOW - 31), SECRET)).contains("expired");
		assertThat(answer("/session/create", claims(NOW + 30, NOW + 200), SECRET)).isEmpty();
		assertThat(answer("/session/create", claims(NOW + 31, NOW + 200), SECRET)).contains("issued in the future");
	}

	@Test
	void anotherSecretAnotherProjectOrAnotherIssuerTypeIsRefused() throws Exception {
		assertThat(answer("/session/create", claims(NOW, NOW + 180), "wrong-secret-0123456789abcdefghijklmnop"))
			.contains("invalid X-OPENTOK-AUTH");
		assertThat(
				answer("/session/create", Map.of("iss", "999", "ist", "project", "iat", NOW, "exp", NOW + 180), SECRET))
			.contains("unknown project");
		assertThat(answer("/session/create", Map.of("iss", "12345678", "ist", "account", "iat", NOW, "exp", NOW + 180),
				SECRET))
			.contains("ist must be project");
		assertThat(answer("/v2/project/999/session/x", claims(NOW, NOW + 180), SECRET))
			.contains("path names another project");
	}

	@Test
	void missingUnsignedAndOtherAlgorithmTokensAreRefused() throws Exception {
		String[] parts = Hs256.sign(claims(NOW, NOW + 180), SECRET).split("\\.");
		String none = Hs256Test.encode("{\"alg\":\"none\"}");
		String rs256 = Hs256Test.encode("{\"alg\":\"RS256\"}");

		assertThat(answerTo("/session/create", null)).contains("missing X-OPENTOK-AUTH");
		assertThat(answerTo("/session/create", none + "." + parts[1] + ".")).contains("invalid X-OPENTOK-AUTH");
		assertThat(answerTo("/session/create", rs256 + "." + parts[1] + "." + parts[2]))
			.contains("invalid X-OPENTOK-AUTH");
	}

	private static Map<String, Object> claims(long issuedAt, long expires) {
		return Map.of("iss", "12345678", "ist", "project", "iat", issuedAt, "exp", expires);
	}

	/** The 401's body, or empty when the request passes. */
	private String answer(String path, Map<String, Object> claims, String secret) throws Exception {
		return answerTo(path, Hs256.sign(claims, secret));
	}

	private String answerTo(String path, String token) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		if (token != null) {
			request.addHeader(ProjectAuthInterceptor.HEADER, token);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		boolean passed = this.interceptor.preHandle(request, response, new Object());
		assertThat(response.getStatus()).isEqualTo(passed ? 200 : 401);
		return passed ? "" : response.getContentAsString();
	}

	static EmulatorProperties properties() {
		return new EmulatorProperties(12345678, SECRET, null, null, Duration.ofSeconds(1), Duration.ofSeconds(30),
				Duration.ofMinutes(10), CallbackMode.NORMAL, Duration.ZERO);
	}

}
