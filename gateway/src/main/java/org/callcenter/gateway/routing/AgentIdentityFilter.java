package org.callcenter.gateway.routing;

import java.security.Principal;
import java.time.Duration;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Forwards an agent's console request as that agent: {@code /api/agent/x} becomes
 * {@code /api/agents/<signed-in agent>/x}, with the agent's identity signed in a header
 * queue-service trusts. The browser never names an agent, so it cannot act as another.
 */
@Component
class AgentIdentityFilter implements GatewayFilter {

	private static final Duration VALIDITY = Duration.ofMinutes(1);

	private final SignedCredentials credentials;

	AgentIdentityFilter(SignedCredentials credentials) {
		this.credentials = credentials;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		// Mono<Void> completes empty, so "no principal" is told apart before the chain
		// runs
		return exchange.getPrincipal()
			.map(Principal::getName)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((agent) -> agent.isPresent() ? chain.filter(asAgent(exchange, agent.get()))
					: unauthorized(exchange));
	}

	private ServerWebExchange asAgent(ServerWebExchange exchange, String agentId) {
		String path = exchange.getRequest().getPath().value();
		String forwarded = path.startsWith("/api/agent")
				? "/api/agents/" + agentId + path.substring("/api/agent".length()) : path;
		return exchange.mutate()
			.request((request) -> request.path(forwarded)
				.headers((headers) -> headers.set(SignedCredentials.AGENT_HEADER,
						this.credentials.issue(Purpose.AGENT, agentId, VALIDITY))))
			.build();
	}

	private static Mono<Void> unauthorized(ServerWebExchange exchange) {
		exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
		return exchange.getResponse().setComplete();
	}

}
