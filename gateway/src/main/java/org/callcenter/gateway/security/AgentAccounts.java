package org.callcenter.gateway.security;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.callcenter.gateway.system.GatewayProperties;

import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The agents who may sign in, from configuration. An unknown user name gets a stand-in
 * account whose password nobody knows, so the password check runs (and takes as long) for
 * every name: without it, a wrong password for a real agent took ~90 ms and any password
 * for an unknown name ~5 ms, which told an attacker which names exist.
 */
class AgentAccounts implements ReactiveUserDetailsService {

	private final Map<String, UserDetails> agents;

	private final String unknowablePasswordHash;

	AgentAccounts(GatewayProperties properties, PasswordEncoder passwords) {
		this.agents = properties.agents()
			.stream()
			.map((agent) -> User.withUsername(agent.username())
				.password(agent.passwordHash())
				.roles(agent.supervisor() ? new String[] { "AGENT", "SUPERVISOR" } : new String[] { "AGENT" })
				.build())
			.collect(Collectors.toUnmodifiableMap(UserDetails::getUsername, Function.identity()));
		this.unknowablePasswordHash = passwords.encode(UUID.randomUUID().toString());
	}

	@Override
	public Mono<UserDetails> findByUsername(String username) {
		if (username == null || username.isBlank()) {
			return Mono.empty();
		}
		UserDetails agent = this.agents.get(username);
		return Mono.just((agent != null) ? User.withUserDetails(agent).build()
				: User.withUsername(username).password(this.unknowablePasswordHash).roles("NOBODY").build());
	}

}
