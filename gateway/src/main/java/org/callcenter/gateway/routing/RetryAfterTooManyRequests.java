package org.callcenter.gateway.routing;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The dial rate limiter answers 429 with no hint of when to come back; every client (the
 * caller's page too) then has to guess. The limiter refills at least one dial per second,
 * so one second is always enough for the next try.
 */
@Component
class RetryAfterTooManyRequests implements WebFilter {

	static final String RETRY_AFTER_SECONDS = "1";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			if (HttpStatus.TOO_MANY_REQUESTS.equals(response.getStatusCode())
					&& !response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
				response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
