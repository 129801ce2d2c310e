package org.callcenter.gateway.routing;

import java.net.ConnectException;

import reactor.core.publisher.Mono;

import org.callcenter.gateway.system.Problems;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * While a service or Redis is down (restarting, say) the gateway cannot answer for it:
 * that is a 503 with {@code Retry-After}, which the pages show as "reconnecting" and
 * retry, not a 500 that reads as a bug. Runs before Boot's error handler (order -1).
 */
@Component
@Order(-2)
class UnavailableUpstream implements WebExceptionHandler {

	static final String RETRY_AFTER_SECONDS = "3";

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (exchange.getResponse().isCommitted() || !dependencyDown(failure)) {
			return Mono.error(failure);
		}
		exchange.getResponse().getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
		return Problems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "temporarily-unavailable",
				"The call center is restarting a part of itself. Please try again in a few seconds.");
	}

	/**
	 * A refused or reset connection to a service, no instance of it passing its health
	 * check (the load balancer's 503), or Redis (sessions, limits) out of reach.
	 */
	static boolean dependencyDown(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ResponseStatusException status && status.getStatusCode().value() == 503) {
				return true;
			}
			if (cause instanceof ConnectException || cause instanceof DataAccessResourceFailureException
					|| cause.getClass().getName().startsWith("io.lettuce.core.RedisConnectionException")
					|| cause.getClass().getName().equals("reactor.netty.http.client.PrematureCloseException")) {
				return true;
			}
		}
		return false;
	}

}
