package org.callcenter.gateway.security;

import java.net.URI;
import java.util.List;

import org.callcenter.gateway.pages.StaticPages;
import org.callcenter.gateway.system.GatewayProperties;
import org.callcenter.gateway.system.Problems;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Agents sign in with a form (users from configuration, BCrypt hashes); the session lives
 * in Redis, so any gateway instance serves any agent. The console's API answers 401 when
 * signed out; its page redirects to the sign-in page. Callers are anonymous: their
 * credential is per call, checked where the call is. CSRF tokens are off because the
 * session cookie is SameSite=Strict and the API takes JSON only, which another site
 * cannot send without a CORS preflight that nothing here allows.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Pages run only the scripts the suite serves (and OpenTok.js with a real account):
	 * no inline script or handler, so text a caller types can never run in an agent's
	 * console even if it slipped into markup. Media and signalling need blob:,
	 * mediastream: and WebSocket connections.
	 */
	static String contentSecurityPolicy(boolean emulated) {
		String openTok = emulated ? "" : " https://static.opentok.com";
		return "default-src 'self'; script-src 'self'" + openTok + "; style-src 'self' 'unsafe-inline'"
				+ "; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self' ws: wss:"
				+ (emulated ? "" : " https:") + "; worker-src 'self' blob:; object-src 'none'; base-uri 'self'"
				+ "; form-action 'self'; frame-ancestors 'none'";
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, GatewayProperties properties,
			ReactiveStringRedisTemplate redis, TakeAgentOffline takeAgentOffline) {
		SignInThrottle throttle = new SignInThrottle(redis, properties);
		RedirectServerAuthenticationSuccessHandler toConsole = new RedirectServerAuthenticationSuccessHandler(
				"/agent.html");
		RedirectServerLogoutSuccessHandler signedOut = new RedirectServerLogoutSuccessHandler();
		signedOut.setLogoutSuccessUrl(URI.create("/login?signedOut"));
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy(properties.emulated()))))
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/api/queue", "/api/stats", "/api/stats/**", "/api/supervisor", "/api/supervisor/**",
						"/supervisor.html")
				// every caller's name and reason, the call center's figures and their
				// dashboard: for supervisors, not every agent
				.hasRole("SUPERVISOR")
				.pathMatchers("/api/agent", "/api/agent/**", "/agent.html")
				.hasRole("AGENT")
				// the queues a caller may dial into: read before dialing, by anyone
				.pathMatchers(HttpMethod.GET, "/api/queues")
				.permitAll()
				.anyExchange()
				.permitAll())
			.addFilterBefore(throttle, SecurityWebFiltersOrder.FORM_LOGIN)
			.formLogin((form) -> form.loginPage("/login")
				.authenticationFailureHandler(throttle.countingFailures())
				.authenticationSuccessHandler(
						(exchange, authentication) -> throttle.succeeded(exchange, authentication.getName())
							.then(toConsole.onAuthenticationSuccess(exchange, authentication))))
			.logout((logout) -> logout.logoutUrl("/logout")
				.logoutHandler((handlers) -> handlers.add(0, takeAgentOffline))
				.logoutSuccessHandler(signedOut))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(apiOr401ElseSignIn())
				// an agent asking for what only supervisors read (the queue, the figures)
				.accessDeniedHandler((exchange, denied) -> Problems.refuse(exchange, HttpStatus.FORBIDDEN, "forbidden",
						"This is for supervisors.")))
			.build();
	}

	private static DelegatingServerAuthenticationEntryPoint apiOr401ElseSignIn() {
		DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
				List.of(new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
						new PathPatternParserServerWebExchangeMatcher("/api/**"),
						new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED))));
		entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint("/login"));
		return entryPoint;
	}

	@Bean
	AgentAccounts agents(GatewayProperties properties, PasswordEncoder passwords) {
		return new AgentAccounts(properties, passwords);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** The sign-in page, a static file of the web client. */
	@Bean
	RouterFunction<ServerResponse> signInPage(StaticPages pages) {
		Resource page = pages.find("login.html").orElseThrow();
		return RouterFunctions.route()
			.GET("/login", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
			.build();
	}

}
