package org.callcenter.gateway.routing;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class AgentIdentityFilterTest {

	private final SignedCredentials credentials = new SignedCredentials("a-secret-of-at-least-sixteen-chars",
			Clock.systemUTC());

	private final AgentIdentityFilter filter = new AgentIdentityFilter(this.credentials);

	private final AtomicReference<ServerWebExchange> forwarded = new AtomicReference<>();

	private final GatewayFilterChain proxy = (exchange) -> {
		this.forwarded.set(exchange);
		return Mono.empty();
	};

	@Test
	void theConsolesPathIsForwardedAsTheSignedInAgentsWithItsSignedIdentity() {
		this.filter.filter(signedIn("alice", MockServerHttpRequest.post("/api/agent/callers/c-1/accept")), this.proxy)
			.block();

		assertThat(this.forwarded.get().getRequest().getPath().value())
			.isEqualTo("/api/agents/alice/callers/c-1/accept");
		String identity = this.forwarded.get().getRequest().getHeaders().getFirst(SignedCredentials.AGENT_HEADER);
		assertThat(this.credentials.verify(Purpose.AGENT, identity)).hasValue("alice");
	}

	@Test
	void anIdentityTheBrowserSentIsReplacedByTheSignedInAgents() {
		String forged = this.credentials.issue(Purpose.AGENT, "bob", Duration.ofMinutes(1));

		this.filter
			.filter(signedIn("alice",
					MockServerHttpRequest.post("/api/agent/callers/c-1/end")
						.header(SignedCredentials.AGENT_HEADER, forged)),
					this.proxy)
			.block();

		assertThat(this.forwarded.get().getRequest().getHeaders().get(SignedCredentials.AGENT_HEADER)).singleElement()
			.satisfies((identity) -> assertThat(this.credentials.verify(Purpose.AGENT, identity)).hasValue("alice"));
	}

	@Test
	void theQueueViewKeepsItsPathAndCarriesTheAgentsIdentity() {
		this.filter.filter(signedIn("bob", MockServerHttpRequest.get("/api/queue")), this.proxy).block();

		assertThat(this.forwarded.get().getRequest().getPath().value()).isEqualTo("/api/queue");
		assertThat(this.credentials.verify(Purpose.AGENT,
				this.forwarded.get().getRequest().getHeaders().getFirst(SignedCredentials.AGENT_HEADER)))
			.hasValue("bob");
	}

	@Test
	void withoutASignedInAgentNothingIsForwardedAndTheAnswerIs401() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/agent/callers"));

		this.filter.filter(exchange, this.proxy).block();

		assertThat(this.forwarded.get()).isNull();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private static ServerWebExchange signedIn(String agent, MockServerHttpRequest.BaseBuilder<?> request) {
		Principal principal = () -> agent;
		return MockServerWebExchange.from(request).mutate().principal(Mono.just(principal)).build();
	}

}
