package org.callcenter.gateway.routing;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Signs a forwarded request with the gateway's own identity, for what no agent or caller
 * holds a credential for yet: a dial. queue-service takes dials only with it, so none can
 * go round the gateway's rate limit, even from the same host.
 */
@Component
class ServiceIdentityFilter implements GatewayFilter {

	private static final Duration VALIDITY = Duration.ofMinutes(1);

	private final SignedCredentials credentials;

	ServiceIdentityFilter(SignedCredentials credentials) {
		this.credentials = credentials;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return chain.filter(exchange.mutate()
			.request((request) -> request.headers((headers) -> headers.set(SignedCredentials.SERVICE_HEADER,
					this.credentials.issue(Purpose.SERVICE, "gateway", VALIDITY))))
			.build());
	}

}
