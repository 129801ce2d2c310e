package org.callcenter.gateway.routing;

import java.net.InetSocketAddress;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.callcenter.gateway.system.GatewayProperties;
import org.callcenter.trust.SignedCredentials;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Where requests go. The gateway's own endpoints (sign-in, live updates, client configuration)
 * are controllers and win over these routes; static pages are served after them.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

	@Bean
	RouteLocator callCenterRoutes(RouteLocatorBuilder routes, GatewayProperties properties,
			AgentIdentityFilter asAgent, RedisRateLimiter dialLimiter, KeyResolver byClientAddress) {
		String queue = properties.queueServiceUrl().toString();
		RouteLocatorBuilder.Builder builder = routes.routes()
			.route("agent-console", (r) -> r.path("/api/agent", "/api/agent/**", "/api/queue")
				.filters((f) -> f.filter(asAgent).retry((retry) -> retry.setRetries(2).setMethods(HttpMethod.GET)))
				.uri(queue))
			.route("dial", (r) -> r.method(HttpMethod.POST)
				.and()
				.path("/api/calls")
				.filters((f) -> f.removeRequestHeader(SignedCredentials.AGENT_HEADER)
					.requestRateLimiter((limit) -> limit.setRateLimiter(dialLimiter).setKeyResolver(byClientAddress)))
				.uri(queue))
			.route("caller", (r) -> r.path("/api/calls/**")
				.filters((f) -> f.removeRequestHeader(SignedCredentials.AGENT_HEADER)
					.retry((retry) -> retry.setRetries(2).setMethods(HttpMethod.GET)))
				.uri(queue))
			.route("opentok-callbacks", (r) -> r.path("/ot_callback").uri(properties.callbackServiceUrl().toString()));
		if (properties.emulated()) {
			String emulator = properties.emulatorUrl().toString();
			builder.route("emulator-socket", (r) -> r.path("/opentok-emulator/ws").uri(emulator.replaceFirst("^http", "ws")))
				.route("emulator", (r) -> r.path("/opentok-emulator/**").uri(emulator));
		}
		return builder.build();
	}

	@Bean
	RedisRateLimiter dialLimiter(GatewayProperties properties) {
		return new RedisRateLimiter(properties.dialsPerSecond(), properties.dialBurst());
	}

	/** Dials are limited per client address (behind a proxy, configure forwarded headers). */
	@Bean
	KeyResolver byClientAddress() {
		return (exchange) -> Mono.just(Optional.ofNullable(exchange.getRequest().getRemoteAddress())
			.map(InetSocketAddress::getHostString)
			.orElse("unknown"));
	}

}
