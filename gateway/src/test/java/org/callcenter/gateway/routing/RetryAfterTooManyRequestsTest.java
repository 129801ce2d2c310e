package org.callcenter.gateway.routing;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTooManyRequestsTest {

	private final RetryAfterTooManyRequests filter = new RetryAfterTooManyRequests();

	@Test
	void aRefusedDialTellsTheCallerToTryAgainInOneSecond() {
		MockServerWebExchange exchange = answered(HttpStatus.TOO_MANY_REQUESTS, null);

		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
	}

	@Test
	void aRetryAfterSetDownstreamIsKept() {
		MockServerWebExchange exchange = answered(HttpStatus.TOO_MANY_REQUESTS, "30");

		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER)).containsExactly("30");
	}

	@Test
	void otherAnswersGetNoRetryAfter() {
		MockServerWebExchange exchange = answered(HttpStatus.CREATED, null);

		assertThat(exchange.getResponse().getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
	}

	private MockServerWebExchange answered(HttpStatus status, String retryAfter) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/calls"));
		this.filter.filter(exchange, (filtered) -> {
			filtered.getResponse().setStatusCode(status);
			if (retryAfter != null) {
				filtered.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
			}
			return filtered.getResponse().setComplete();
		}).block();
		return exchange;
	}

}
