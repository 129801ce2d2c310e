package org.callcenter.gateway.security;

import org.junit.jupiter.api.Test;

import org.callcenter.gateway.GatewayTestBase;
import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agents' API without a signed-in session: 401, and nothing reaches queue-service.
 */
class SignedOutApiIT extends GatewayTestBase {

	@Test
	void theAgentsApiIs401WithoutASession() {
		this.http.get().uri("/api/agent/callers").exchange().expectStatus().isUnauthorized();
		this.http.get().uri("/api/queue").exchange().expectStatus().isUnauthorized();
		this.http.get().uri("/api/agent/profile").exchange().expectStatus().isUnauthorized();
		this.http.post()
			.uri("/api/agent/callers/3f2b1c9e-0000-4000-8000-000000000001/accept")
			.header("Origin", ownOrigin())
			.exchange()
			.expectStatus()
			.isUnauthorized();

		assertThat(QUEUE_SERVICE.received()).isEmpty();
	}

	@Test
	void aMadeUpSessionCookieIsNoSession() {
		this.http.get()
			.uri("/api/agent/callers")
			.cookie("SESSION", "bm90LWEtc2Vzc2lvbg")
			.exchange()
			.expectStatus()
			.isUnauthorized();

		assertThat(QUEUE_SERVICE.received()).isEmpty();
	}

	@Test
	void theConsolePageSendsASignedOutBrowserToTheSignInPage() {
		this.http.get()
			.uri("/agent.html")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueEquals("Location", "/login");
	}

	@Test
	void signedInTheSameRequestGoesThroughAsThatAgent() {
		String session = signIn("alice");

		this.http.get().uri("/api/agent/callers").cookie("SESSION", session).exchange().expectStatus().isOk();

		assertThat(QUEUE_SERVICE.received("GET", "/api/agents/alice/callers")).singleElement()
			.satisfies((forwarded) -> assertThat(
					CREDENTIALS.verify(Purpose.AGENT, forwarded.header(SignedCredentials.AGENT_HEADER)))
				.hasValue("alice"));
	}

	@Test
	void aWrongPasswordOpensNoSession() {
		this.http.post()
			.uri("/login")
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("username=alice&password=wrong")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueEquals("Location", "/login?error")
			.expectCookie()
			.doesNotExist("SESSION");
	}

}
