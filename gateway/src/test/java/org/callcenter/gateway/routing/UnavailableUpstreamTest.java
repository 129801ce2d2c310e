package org.callcenter.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnavailableUpstreamTest {

	private final UnavailableUpstream handler = new UnavailableUpstream();

	@Test
	void aRefusedConnectionToAServiceIs503WithRetryAfterNot500() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/calls"));

		this.handler.handle(exchange, new IllegalStateException("proxy failed", new ConnectException("refused")))
			.block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("3");
		assertThat(exchange.getResponse().getBodyAsString().block())
			.contains("urn:callcenter:problem:temporarily-unavailable")
			.doesNotContain("refused");
	}

	@Test
	void noHealthyInstanceAndRedisOutOfReachCountAsADependencyDown() {
		assertThat(UnavailableUpstream
			.dependencyDown(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "no instance"))).isTrue();
		assertThat(UnavailableUpstream
			.dependencyDown(new RuntimeException(new DataAccessResourceFailureException("redis down")))).isTrue();
	}

	@Test
	void otherFailuresAreNotMistakenForAnOutage() {
		assertThat(UnavailableUpstream.dependencyDown(new IllegalArgumentException("bug"))).isFalse();
		assertThat(UnavailableUpstream.dependencyDown(new ResponseStatusException(HttpStatus.BAD_GATEWAY))).isFalse();
		assertThat(UnavailableUpstream.dependencyDown(new IOException("broken pipe"))).isFalse();
	}

	@Test
	void otherFailuresArePassedOnToTheNextHandler() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/queue"));
		IllegalStateException bug = new IllegalStateException("bug");

		assertThatThrownBy(() -> this.handler.handle(exchange, bug).block()).isSameAs(bug);
		assertThat(exchange.getResponse().getStatusCode()).isNull();
	}

}
