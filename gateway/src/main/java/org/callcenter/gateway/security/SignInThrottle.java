package org.callcenter.gateway.security;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.callcenter.gateway.system.GatewayProperties;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Guessing passwords is slow: failed sign-ins are counted per user name and per client
 * address in Redis (so every gateway instance counts together); past the limit, sign-in
 * for that name or from that address is refused for the lockout period, before any
 * password is checked, and the page says so ({@code /login?throttled}, with
 * {@code Retry-After}). A successful sign-in clears its name's count.
 */
class SignInThrottle implements WebFilter {

	private static final String PREFIX = "callcenter:gateway:sign-in-failures:";

	private final ReactiveStringRedisTemplate redis;

	private final GatewayProperties properties;

	private final RedirectServerAuthenticationFailureHandler wrongPassword = new RedirectServerAuthenticationFailureHandler(
			"/login?error");

	SignInThrottle(ReactiveStringRedisTemplate redis, GatewayProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getMethod() != HttpMethod.POST
				|| !"/login".equals(exchange.getRequest().getPath().value())) {
			return chain.filter(exchange);
		}
		return username(exchange).flatMap((username) -> locked(username, address(exchange)))
			.flatMap((locked) -> locked ? refuse(exchange) : chain.filter(exchange));
	}

	/** Counts a failed sign-in, then shows the sign-in page with its error. */
	ServerAuthenticationFailureHandler countingFailures() {
		return (webFilterExchange, exception) -> username(webFilterExchange.getExchange())
			.flatMap((username) -> count(PREFIX + "name:" + username)
				.then(count(PREFIX + "address:" + address(webFilterExchange.getExchange()))))
			.then(this.wrongPassword.onAuthenticationFailure(webFilterExchange, exception));
	}

	Mono<Void> succeeded(WebFilterExchange exchange, String username) {
		return this.redis.delete(PREFIX + "name:" + username).then();
	}

	private Mono<Boolean> locked(String username, String address) {
		return this.redis.opsForValue()
			.multiGet(List.of(PREFIX + "name:" + username, PREFIX + "address:" + address))
			.map((counts) -> over(counts.get(0), this.properties.signInFailuresPerAccount())
					|| over(counts.get(1), this.properties.signInFailuresPerAddress()));
	}

	private Mono<Long> count(String key) {
		return this.redis.opsForValue()
			.increment(key)
			.flatMap((count) -> this.redis.expire(key, this.properties.signInLockout()).thenReturn(count));
	}

	private Mono<Void> refuse(ServerWebExchange exchange) {
		exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
		exchange.getResponse().getHeaders().setLocation(URI.create("/login?throttled"));
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.RETRY_AFTER, String.valueOf(this.properties.signInLockout().toSeconds()));
		return exchange.getResponse().setComplete();
	}

	private static boolean over(String count, int limit) {
		return count != null && Long.parseLong(count) >= limit;
	}

	private static Mono<String> username(ServerWebExchange exchange) {
		return exchange.getFormData()
			.map((form) -> Optional.ofNullable(form.getFirst("username")).orElse(""))
			.map((name) -> (name.length() > 64) ? name.substring(0, 64) : name)
			.defaultIfEmpty("");
	}

	private static String address(ServerWebExchange exchange) {
		return Optional.ofNullable(exchange.getRequest().getRemoteAddress())
			.map(InetSocketAddress::getHostString)
			.orElse("unknown");
	}

}
