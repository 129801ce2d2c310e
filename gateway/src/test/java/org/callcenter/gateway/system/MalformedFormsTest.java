package org.callcenter.gateway.system;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MalformedFormsTest {

	private final MalformedForms handler = new MalformedForms();

	@Test
	void aSignInFormWithBrokenEncodingIs400NotAServerError() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/login")
			.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"));

		IllegalArgumentException broken = new IllegalArgumentException("URLDecoder: Incomplete trailing escape");

		this.handler.handle(exchange, new RuntimeException(broken)).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("urn:callcenter:problem:malformed-form")
			.doesNotContain("URLDecoder");
	}

	@Test
	void failuresOfOtherRequestsAreLeftToTheNextHandler() {
		MockServerWebExchange json = MockServerWebExchange
			.from(MockServerHttpRequest.post("/api/calls").header("Content-Type", "application/json"));
		IllegalArgumentException failure = new IllegalArgumentException("bug");

		assertThatThrownBy(() -> this.handler.handle(json, failure).block()).isSameAs(failure);
		assertThat(json.getResponse().getStatusCode()).isNull();
	}

	@Test
	void aHostileContentTypeIsNotParsedOnTheWay() {
		MockServerWebExchange hostile = MockServerWebExchange
			.from(MockServerHttpRequest.post("/login").header("Content-Type", "\u0000;;=="));
		IllegalStateException failure = new IllegalStateException("other");

		assertThatThrownBy(() -> this.handler.handle(hostile, failure).block()).isSameAs(failure);
	}

}
