package org.callcenter.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.callcenter.gateway.system.GatewayProperties;
import org.callcenter.gateway.system.GatewayProperties.AgentAccount;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class AgentAccountsTest {

	private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private final AgentAccounts accounts = new AgentAccounts(new GatewayProperties(List.of(URI.create("http://q")),
			List.of(URI.create("http://c")), null, "12345678", "a-secret-of-sixteen-chars",
			List.of(new AgentAccount("alice", this.passwords.encode("demo"), "Alice", false)), Duration.ofSeconds(10),
			2, 20, 5, 30, Duration.ofMinutes(15), null, List.of(), Duration.ofMillis(500),
			List.of(URI.create("http://s"))), this.passwords);

	@Test
	void aConfiguredAgentSignsInWithItsPassword() {
		UserDetails alice = this.accounts.findByUsername("alice").block();
		assertThat(this.passwords.matches("demo", alice.getPassword())).isTrue();
		assertThat(alice.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_AGENT");
	}

	@Test
	void anUnknownNameGetsAStandInWhosePasswordIsCheckedLikeAnyOtherAndMatchesNothing() {
		UserDetails stranger = this.accounts.findByUsername("mallory").block();
		assertThat(stranger.getPassword()).startsWith("{bcrypt}$2a$10$"); // the same work
																			// as a real
																			// agent's
																			// check
		assertThat(this.passwords.matches("demo", stranger.getPassword())).isFalse();
		assertThat(this.passwords.matches("", stranger.getPassword())).isFalse();
		assertThat(stranger.getAuthorities()).extracting(Object::toString).doesNotContain("ROLE_AGENT");
	}

	@Test
	void aBlankNameFindsNobody() {
		assertThat(this.accounts.findByUsername(" ").blockOptional()).isEmpty();
	}

}
