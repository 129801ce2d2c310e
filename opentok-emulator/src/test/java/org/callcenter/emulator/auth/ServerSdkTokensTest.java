package org.callcenter.emulator.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.opentok.OpenTok;
import com.opentok.Role;
import com.opentok.TokenOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.callcenter.emulator.auth.ClientTokens.ClientToken;
import org.callcenter.emulator.sessions.SessionIds;
import org.callcenter.emulator.system.EmulatorProperties;
import org.callcenter.emulator.system.EmulatorProperties.CallbackMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tokens browsers present as the official server SDK makes them for token-service,
 * end to end (ClientTokensTest builds each format by hand).
 */
class ServerSdkTokensTest {

	private static final int KEY = 12345678;

	private static final String SECRET = "emulator-secret-0123456789abcdef01234567";

	private final OpenTok sdk = new OpenTok.Builder(KEY, SECRET).build();

	private final String session = SessionIds.create(String.valueOf(KEY), System.currentTimeMillis());

	private final ClientTokens tokens = tokensAt(Instant.now());

	@AfterEach
	void closeSdk() {
		this.sdk.close();
	}

	@Test
	void aTokenGrantsItsSessionWithItsRoleAndConnectionData() throws Exception {
		String token = this.sdk.generateToken(this.session,
				new TokenOptions.Builder().role(Role.SUBSCRIBER)
					.data("{\"userId\":\"call-1\",\"userType\":\"caller\"}")
					.build());

		ClientToken grant = this.tokens.verify(token, this.session);

		assertThat(grant.sessionId()).isEqualTo(this.session);
		assertThat(grant.role()).isEqualTo("subscriber");
		assertThat(grant.data()).isEqualTo("{\"userId\":\"call-1\",\"userType\":\"caller\"}");
	}

	@Test
	void aTokenIsValidUntilItsExpiryAndNotAfter() throws Exception {
		long expires = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
		String token = this.sdk.generateToken(this.session, new TokenOptions.Builder().expireTime(expires).build());

		assertThat(tokensAt(Instant.ofEpochSecond(expires - 1)).verify(token, this.session).expiresAt())
			.isEqualTo(expires);
		assertRefused(() -> tokensAt(Instant.ofEpochSecond(expires)).verify(token, this.session), "expired");
	}

	@Test
	void aTokenCannotJoinAnotherSession() throws Exception {
		String other = SessionIds.create(String.valueOf(KEY), System.currentTimeMillis());

		assertRefused(() -> this.tokens.verify(this.sdk.generateToken(this.session), other), "another session");
	}

	@Test
	void aTokenSignedWithAnotherSecretIsRefused() throws Exception {
		OpenTok forger = new OpenTok.Builder(KEY, "not-the-secret-0123456789abcdefghijklmn").build();
		String forged;
		try {
			forged = forger.generateToken(this.session);
		}
		finally {
			forger.close();
		}

		assertRefused(() -> this.tokens.verify(forged, this.session), "signature");
	}

	@Test
	void aTokenOfAnotherProjectIsRefused() throws Exception {
		String theirSession = SessionIds.create("87654321", System.currentTimeMillis());
		OpenTok theirs = new OpenTok.Builder(87654321, SECRET).build();
		String token;
		try {
			token = theirs.generateToken(theirSession);
		}
		finally {
			theirs.close();
		}

		assertRefused(() -> this.tokens.verify(token, theirSession), "another project");
	}

	@Test
	void aTamperedTokenIsRefused() throws Exception {
		String token = this.sdk.generateToken(this.session);
		int at = token.length() - 5;
		String tampered = token.substring(0, at) + ((token.charAt(at) == 'A') ? 'B' : 'A') + token.substring(at + 1);

		assertThatThrownBy(() -> this.tokens.verify(tampered, this.session)).isInstanceOf(Hs256.InvalidToken.class);
	}

	private static ClientTokens tokensAt(Instant now) {
		return new ClientTokens(new EmulatorProperties(KEY, SECRET, null, null, Duration.ofSeconds(1),
				Duration.ofSeconds(30), Duration.ofMinutes(10), CallbackMode.NORMAL, Duration.ZERO),
				Clock.fixed(now, ZoneOffset.UTC));
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable verifying, String why) {
		assertThatThrownBy(verifying).isInstanceOf(Hs256.InvalidToken.class).hasMessageContaining(why);
	}

}
