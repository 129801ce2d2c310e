package org.callcenter.token;

import org.junit.jupiter.api.Test;

import org.callcenter.localinfra.FreePorts;
import org.callcenter.testsupport.RealKafkaConnection;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With OpenTok unreachable, token-service answers 502 problem details within its timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "opentok.request-timeout=2s")
@Import(RealKafkaConnection.class)
class OpenTokOutageIT {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void unreachableOpenTok(DynamicPropertyRegistry registry) {
		registry.add("opentok.api-key", () -> Emulator.API_KEY);
		registry.add("opentok.api-secret", () -> Emulator.API_SECRET);
		registry.add("opentok.api-url", () -> "http://127.0.0.1:" + FreePorts.next());
	}

	@Test
	void creatingASessionWhileOpenTokIsDownIs502() {
		var answer = ServiceIdentity.client(this.port)
			.post()
			.uri("/sessions")
			.exchange((req, res) -> new String(res.getBody().readAllBytes()) + " " + res.getStatusCode().value());

		assertThat(answer).endsWith(" 502").contains("urn:callcenter:problem:opentok-unavailable");
	}

}
