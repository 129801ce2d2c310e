package org.callcenter.gateway.security;

import org.junit.jupiter.api.Test;

import org.callcenter.gateway.GatewayTestBase;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** A page of another site cannot change anything, even in a signed-in agent's browser. */
class CrossOriginIT extends GatewayTestBase {

	private static final String EVIL = "https://evil.example";

	@Test
	void aDialFromAnotherSitesPageIs403AndNeverReachesQueueService() {
		this.http.post()
			.uri("/api/calls")
			.header("Origin", EVIL)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Ann\",\"mode\":\"audioOnly\"}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:callcenter:problem:cross-origin-request");

		assertThat(QUEUE_SERVICE.received()).isEmpty();
	}

	@Test
	void anotherSiteCannotActForASignedInAgent() {
		String session = signIn("alice");

		this.http.post()
			.uri("/api/agent/callers/3f2b1c9e-0000-4000-8000-000000000001/end")
			.cookie("SESSION", session)
			.header("Origin", EVIL)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.http.post()
			.uri("/logout")
			.cookie("SESSION", session)
			.header("Sec-Fetch-Site", "cross-site")
			.exchange()
			.expectStatus()
			.isForbidden();

		assertThat(QUEUE_SERVICE.received()).isEmpty();
		this.http.get().uri("/api/agent/profile").cookie("SESSION", session).exchange().expectStatus().isOk();
	}

	@Test
	void theSameRequestsFromTheGatewaysOwnPagesGoThrough() {
		String session = signIn("alice");

		this.http.post()
			.uri("/api/agent/callers/3f2b1c9e-0000-4000-8000-000000000001/end")
			.cookie("SESSION", session)
			.header("Origin", ownOrigin())
			.exchange()
			.expectStatus()
			.isOk();
		this.http.post()
			.uri("/api/calls")
			.header("Origin", ownOrigin())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Ann\",\"mode\":\"audioOnly\"}")
			.exchange()
			.expectStatus()
			.isCreated();

		assertThat(QUEUE_SERVICE.received()).extracting((request) -> request.method() + " " + request.path())
			.containsExactly("POST /api/agents/alice/callers/3f2b1c9e-0000-4000-8000-000000000001/end",
					"POST /api/calls");
	}

}
