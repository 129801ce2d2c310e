package org.callcenter.gateway.security;

import java.net.URI;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.callcenter.gateway.system.Problems;
import org.callcenter.gateway.system.GatewayProperties;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A page of another site may not change anything here. The session cookie is
 * SameSite=Strict and the API reads JSON, but agent actions without a body (accept, hold,
 * end...) and the sign-in and sign-out forms take any content type; so every
 * state-changing request a browser sends must come from the gateway's own origin (or one
 * configured in {@code gateway.allowed-origins}). Browsers name the origin in
 * {@code Origin} (or send {@code Origin: null}, as for our own sign-in form, since our
 * pages send no referrer) and say {@code Sec-Fetch-Site}; a request with neither is not
 * from a browser page (OpenTok's callbacks, scripts), which the rest of the security
 * (sessions, signatures, credentials) judges.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SameOriginChanges implements WebFilter {

	private static final Logger log = LoggerFactory.getLogger(SameOriginChanges.class);

	private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

	private final Set<String> allowedOrigins;

	SameOriginChanges(GatewayProperties properties) {
		this.allowedOrigins = properties.allowedOrigins()
			.stream()
			.map(SameOriginChanges::origin)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (READS.contains(request.getMethod()) || fromThisSite(request)) {
			return chain.filter(exchange);
		}
		log.info("refused {} {} from origin {} (site {})", request.getMethod(), request.getPath(),
				request.getHeaders().getOrigin(), request.getHeaders().getFirst("Sec-Fetch-Site"));
		return Problems.refuse(exchange, HttpStatus.FORBIDDEN, "cross-origin-request",
				"Changes are accepted only from the call center's own pages.");
	}

	private boolean fromThisSite(ServerHttpRequest request) {
		String origin = request.getHeaders().getOrigin();
		// "null" is what a page with Referrer-Policy: no-referrer (ours too) sends on a
		// form post
		if (origin != null && !origin.equals("null")) {
			return origin.equals(origin(request.getURI())) || this.allowedOrigins.contains(origin);
		}
		String site = request.getHeaders().getFirst("Sec-Fetch-Site");
		return site == null || site.equals("same-origin") || site.equals("none");
	}

	/**
	 * scheme://host[:port], as browsers write it in {@code Origin} (default ports left
	 * out).
	 */
	private static String origin(URI uri) {
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (port == 80 && "http".equals(uri.getScheme()))
				|| (port == 443 && "https".equals(uri.getScheme()));
		return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
	}

}
