package org.callcenter.gateway.routing;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.callcenter.gateway.GatewayTestBase;
import org.callcenter.testsupport.StubHttpServer.Request;
import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queues a caller may dial into ({@code GET /api/queues}): read by anyone before
 * dialing, without a session, and only read.
 */
class QueuesRouteIT extends GatewayTestBase {

	@Test
	void anyoneReadsTheQueuesWhichGoOnSignedAsTheGatewayWithoutAnAgentIdentity() {
		String smuggled = CREDENTIALS.issue(Purpose.AGENT, "alice", Duration.ofMinutes(1));

		this.http.get()
			.uri("/api/queues")
			.header(SignedCredentials.AGENT_HEADER, smuggled)
			.exchange()
			.expectStatus()
			.isOk();

		Request forwarded = QUEUE_SERVICE.received("GET", "/api/queues").get(0);
		assertThat(forwarded.path()).isEqualTo("/api/queues");
		assertThat(forwarded.header(SignedCredentials.AGENT_HEADER)).isNull();
		assertThat(CREDENTIALS.verify(Purpose.SERVICE, forwarded.header(SignedCredentials.SERVICE_HEADER)))
			.hasValue("gateway");
	}

	@Test
	void nothingButAReadOfTheQueuesGoesThrough() {
		this.http.post().uri("/api/queues").header("Origin", ownOrigin()).exchange().expectStatus().is4xxClientError();
		this.http.delete()
			.uri("/api/queues")
			.header("Origin", ownOrigin())
			.exchange()
			.expectStatus()
			.is4xxClientError();

		assertThat(QUEUE_SERVICE.received()).isEmpty();
	}

}
