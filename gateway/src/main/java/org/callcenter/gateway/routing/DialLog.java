package org.callcenter.gateway.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.observability.DefaultSignalListener;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * One line per dial that passed the rate limit, once queue-service answered it: its
 * status, and nothing about the caller. Boot puts the trace id in each line, which ties
 * it to queue-service's and token-service's lines of the same dial.
 */
@Component
class DialLog implements GatewayFilter {

	private static final Logger log = LoggerFactory.getLogger(DialLog.class);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		// tap runs its listener with the request's observation restored, so the line has
		// its trace id
		return chain.filter(exchange).tap(() -> new DefaultSignalListener<>() {

			@Override
			public void doOnComplete() {
				log.info("dial forwarded to queue-service: {}", exchange.getResponse().getStatusCode());
			}

			@Override
			public void doOnError(Throwable failure) {
				log.info("dial not forwarded: {}", failure.toString());
			}

		});
	}

}
