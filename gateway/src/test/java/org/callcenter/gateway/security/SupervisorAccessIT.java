package org.callcenter.gateway.security;

import org.junit.jupiter.api.Test;

import org.callcenter.gateway.GatewayTestBase;
import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole queue (every waiting caller's name and reason, every agent's callers) and the
 * call center's figures are for supervisors: an agent who does not supervise gets 403 and
 * nothing reaches queue-service or stats-service (both stood in by one stub here); carol,
 * a supervisor in the demo accounts, reads it, and works her own console like any agent.
 */
class SupervisorAccessIT extends GatewayTestBase {

	@Test
	void anAgentWhoDoesNotSuperviseCannotReadTheQueue() {
		String alice = signIn("alice");

		this.http.get().uri("/api/queue").cookie("SESSION", alice).exchange().expectStatus().isForbidden();
		this.http.get()
			.uri("/api/stats/live")
			.cookie("SESSION", alice)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:callcenter:problem:forbidden");

		assertThat(QUEUE_SERVICE.received("GET", "/api/queue")).isEmpty();
		assertThat(QUEUE_SERVICE.received("GET", "/api/stats")).isEmpty();
		this.http.get().uri("/api/agent/callers").cookie("SESSION", alice).exchange().expectStatus().isOk();
	}

	@Test
	void aSupervisorReadsTheQueueAndUsesItsConsole() {
		String carol = signIn("carol");

		this.http.get().uri("/api/queue").cookie("SESSION", carol).exchange().expectStatus().isOk();
		this.http.get().uri("/api/stats/live").cookie("SESSION", carol).exchange().expectStatus().isOk();
		assertThat(QUEUE_SERVICE.received("GET", "/api/stats/live")).singleElement()
			.satisfies((forwarded) -> assertThat(
					CREDENTIALS.verify(Purpose.AGENT, forwarded.header(SignedCredentials.AGENT_HEADER)))
				.hasValue("carol"));
		this.http.get().uri("/api/agent/callers").cookie("SESSION", carol).exchange().expectStatus().isOk();

		assertThat(QUEUE_SERVICE.received("GET", "/api/queue")).hasSize(1);
	}

}
