package org.callcenter.gateway.routing;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.callcenter.gateway.system.GatewayProperties;
import org.callcenter.trust.SignedCredentials;

import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Where requests go. The gateway's own endpoints (sign-in, live updates, client
 * configuration) are controllers and win over these routes; static pages are served after
 * them.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

	@Bean
	RouteLocator callCenterRoutes(RouteLocatorBuilder routes, GatewayProperties properties, AgentIdentityFilter asAgent,
			ServiceIdentityFilter asGateway, DialLog dialLog, RedisRateLimiter dialLimiter,
			KeyResolver byClientAddress) {
		String queue = "lb://" + ConfiguredInstances.QUEUE_SERVICE;
		RouteLocatorBuilder.Builder builder = routes.routes()
			// an agent's own figures, for its console: as the signed-in agent
			// (/api/agents/<agent>/stats), which stats-service answers for that agent
			// alone (the others' are supervisors', below); before the console's route,
			// which would take the path
			.route("agent-figures",
					(r) -> r.method(HttpMethod.GET)
						.and()
						.path("/api/agent/stats")
						.filters((f) -> f.filter(asAgent)
							.retry(Routes::onRefusedConnection)
							.retry((retry) -> retry.setRetries(2).setMethods(HttpMethod.GET)))
						.uri("lb://" + ConfiguredInstances.STATS_SERVICE))
			.route("agent-console",
					(r) -> r.path("/api/agent", "/api/agent/**", "/api/queue")
						.filters((f) -> f.filter(asAgent)
							.retry(Routes::onRefusedConnection)
							.retry((retry) -> retry.setRetries(2).setMethods(HttpMethod.GET)))
						.uri(queue))
			.route("dial", (r) -> r.method(HttpMethod.POST)
				.and()
				.path("/api/calls")
				.filters((f) -> f.removeRequestHeader(SignedCredentials.AGENT_HEADER)
					.requestRateLimiter((limit) -> limit.setRateLimiter(dialLimiter).setKeyResolver(byClientAddress))
					.filter(asGateway)
					.filter(dialLog)
					.retry(Routes::onRefusedConnection))
				.uri(queue))
			// the queues and whether each takes calls now: callers read it before they
			// dial, so it is public, and read-only (GET alone is routed). Signed as the
			// gateway, as a dial is, so that only what comes through here reaches it.
			.route("queues",
					(r) -> r.method(HttpMethod.GET)
						.and()
						.path("/api/queues")
						.filters((f) -> f.removeRequestHeader(SignedCredentials.AGENT_HEADER)
							.filter(asGateway)
							.retry(Routes::onRefusedConnection)
							.retry((retry) -> retry.setRetries(2).setMethods(HttpMethod.GET)))
						.uri(queue))
			.route("caller",
					(r) -> r.path("/api/calls/**")
						.filters((f) -> f.removeRequestHeader(SignedCredentials.AGENT_HEADER)
							.retry(Routes::onRefusedConnection)
							.retry((retry) -> retry.setRetries(2).setMethods(HttpMethod.GET)))
						.uri(queue))
			// the supervisors' figures, read as the signed-in supervisor
			// (SecurityConfiguration)
			.route("stats",
					(r) -> r.path("/api/stats", "/api/stats/**")
						.filters((f) -> f.filter(asAgent)
							.retry(Routes::onRefusedConnection)
							.retry((retry) -> retry.setRetries(2).setMethods(HttpMethod.GET)))
						.uri("lb://" + ConfiguredInstances.STATS_SERVICE))
			.route("opentok-callbacks",
					(r) -> r.path("/ot_callback")
						.filters((f) -> f.retry(Routes::onRefusedConnection))
						.uri("lb://" + ConfiguredInstances.CALLBACK_SERVICE));
		if (properties.emulated()) {
			String emulator = properties.emulatorUrl().toString();
			builder
				.route("emulator-socket",
						(r) -> r.path("/opentok-emulator/ws").uri(emulator.replaceFirst("^http", "ws")))
				.route("emulator", (r) -> r.path("/opentok-emulator/**").uri(emulator));
		}
		return builder.build();
	}

	/**
	 * A request whose connection was refused never reached the service, so any request, a
	 * dial or an accept too, may go to another instance: the one that just died may still
	 * be on the load balancer's list until its next health check.
	 */
	private static void onRefusedConnection(RetryGatewayFilterFactory.RetryConfig retry) {
		retry.setRetries(2)
			.setMethods(HttpMethod.values())
			.setSeries()
			.setStatuses()
			.setExceptions(ConnectException.class);
	}

	@Bean
	static RateLimitScriptReadOnce rateLimitScriptReadOnce() {
		return new RateLimitScriptReadOnce();
	}

	@Bean
	RedisRateLimiter dialLimiter(GatewayProperties properties) {
		return new RedisRateLimiter(properties.dialsPerSecond(), properties.dialBurst());
	}

	/**
	 * Dials are limited per client address (behind a proxy, configure forwarded headers).
	 */
	@Bean
	KeyResolver byClientAddress() {
		return (exchange) -> Mono.just(Optional.ofNullable(exchange.getRequest().getRemoteAddress())
			.map(InetSocketAddress::getHostString)
			.orElse("unknown"));
	}

}
