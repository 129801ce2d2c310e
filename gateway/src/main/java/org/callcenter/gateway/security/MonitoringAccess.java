package org.callcenter.gateway.security;

import reactor.core.publisher.Mono;

import org.callcenter.gateway.system.GatewayProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;

/**
 * The actuator on the public port: health is open (load balancers and the launcher ask
 * it); metrics, Prometheus and info (which names the build's commit) are for monitoring
 * only, with HTTP Basic as Prometheus scrapes, user {@value #USER} and the password from
 * {@code MONITORING_PASSWORD}. Without a password nobody reads them. A chain of its own,
 * so Basic authentication is never accepted on the agents' API, where it would go round
 * the sign-in throttle; stateless, so a scrape opens no session.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringAccess {

	static final String USER = "monitoring";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain monitoringFilterChain(ServerHttpSecurity http, GatewayProperties properties,
			PasswordEncoder passwords) {
		return http.securityMatcher(new PathPatternParserServerWebExchangeMatcher("/actuator/**"))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyExchange()
				.hasRole("MONITORING"))
			.httpBasic((basic) -> basic.authenticationManager(monitoringUser(properties, passwords)))
			.build();
	}

	private static ReactiveAuthenticationManager monitoringUser(GatewayProperties properties,
			PasswordEncoder passwords) {
		String password = properties.monitoringPassword();
		if (password == null || password.isBlank()) {
			return (authentication) -> Mono.error(new BadCredentialsException("no monitoring password is configured"));
		}
		// hashed once here, so each check costs a BCrypt comparison: guessing through
		// Basic stays slow
		return new UserDetailsRepositoryReactiveAuthenticationManager(new MapReactiveUserDetailsService(
				User.withUsername(USER).password(passwords.encode(password)).roles("MONITORING").build()));
	}

}
