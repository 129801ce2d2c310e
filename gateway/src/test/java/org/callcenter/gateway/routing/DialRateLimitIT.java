package org.callcenter.gateway.routing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.callcenter.gateway.GatewayTestBase;
import org.callcenter.testsupport.StubHttpServer.Request;
import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dials are limited per client address (here a burst of 3, then 1 a second), in Redis.
 */
class DialRateLimitIT extends GatewayTestBase {

	@Test
	void dialsBeyondTheLimitAre429WithRetryAfterAndNeverReachQueueService() {
		List<EntityExchangeResult<byte[]>> answers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			answers.add(dial().exchange().expectBody().returnResult());
		}

		assertThat(answers.subList(0, 3)).as("the burst")
			.allSatisfy((answer) -> assertThat(answer.getStatus().value()).isEqualTo(201));
		List<EntityExchangeResult<byte[]>> refused = answers.stream()
			.filter((answer) -> answer.getStatus().value() == 429)
			.toList();
		// eight dials take well under a second here; even across a second's boundary one
		// more may pass
		assertThat(refused).hasSizeGreaterThanOrEqualTo(4)
			.allSatisfy((answer) -> assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
				.isEqualTo("1"));
		assertThat(QUEUE_SERVICE.received("POST", "/api/calls")).hasSize(answers.size() - refused.size());
	}

	@Test
	void aDialGoesOnSignedAsTheGatewayAndAnAgentIdentityFromTheBrowserIsDropped() {
		String smuggled = CREDENTIALS.issue(Purpose.AGENT, "alice", java.time.Duration.ofMinutes(1));

		dial().header(SignedCredentials.AGENT_HEADER, smuggled).exchange().expectStatus().isCreated();

		Request forwarded = QUEUE_SERVICE.received("POST", "/api/calls").get(0);
		assertThat(forwarded.header(SignedCredentials.AGENT_HEADER)).isNull();
		assertThat(CREDENTIALS.verify(Purpose.SERVICE, forwarded.header(SignedCredentials.SERVICE_HEADER)))
			.hasValue("gateway");
	}

	private org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> dial() {
		return this.http.post()
			.uri("/api/calls")
			.header("Origin", ownOrigin())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Ann\",\"reason\":\"help\",\"mode\":\"audioOnly\"}");
	}

}
