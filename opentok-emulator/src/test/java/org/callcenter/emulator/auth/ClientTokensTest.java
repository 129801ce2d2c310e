package org.callcenter.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.callcenter.emulator.auth.ClientTokens.ClientToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClientTokensTest {

	private static final String SECRET = ProjectAuthInterceptorTest.SECRET;

	private static final String SESSION = "1_MX4xMjM0NTY3OH4-session";

	private static final long NOW = 1_800_000_000L;

	private final ClientTokens tokens = new ClientTokens(ProjectAuthInterceptorTest.properties(),
			Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

	@Test
	void aJwtClientTokenGrantsItsSessionRoleAndData() {
		String token = Hs256.sign(Map.of("iss", "12345678", "ist", "project", "session_id", SESSION, "role",
				"subscriber", "exp", NOW + 60, "connection_data", "{\"userId\":\"42\"}"), SECRET);

		assertThat(this.tokens.verify(token, SESSION))
			.isEqualTo(new ClientToken(SESSION, "subscriber", "{\"userId\":\"42\"}", NOW + 60));
	}

	@Test
	void jwtClientTokensThatAreExpiredForeignForgedOrOfAnUnknownRoleAreRefused() {
		refused(Hs256.sign(jwt(SESSION, "publisher", NOW), SECRET), SESSION);
		refused(Hs256.sign(jwt(SESSION, "publisher", NOW + 60), SECRET), "1_another-session");
		refused(Hs256.sign(jwt(SESSION, "admin", NOW + 60), SECRET), SESSION);
		refused(Hs256.sign(jwt(SESSION, "publisher", NOW + 60), "wrong-secret-0123456789abcdefghijklmnop"), SESSION);
		Map<String, Object> otherProject = new java.util.HashMap<>(jwt(SESSION, "publisher", NOW + 60));
		otherProject.put("iss", "999");
		refused(Hs256.sign(otherProject, SECRET), SESSION);
		String[] parts = Hs256.sign(jwt(SESSION, "publisher", NOW + 60), SECRET).split("\\.");
		refused(Hs256Test.encode("{\"alg\":\"none\"}") + "." + parts[1] + ".", SESSION);
	}

	@Test
	void legacyT1TokensAreCheckedWithTheirOwnHmacSha1() throws Exception {
		assertThat(this.tokens.verify(legacy(SECRET, NOW + 60, "moderator"), SESSION).role()).isEqualTo("moderator");
		refused(legacy(SECRET, NOW, "publisher"), SESSION);
		refused(legacy("wrong-secret-0123456789abcdefghijklmnop", NOW + 60, "publisher"), SESSION);
		refused("T1==garbage", SESSION);
	}

	private static Map<String, Object> jwt(String sessionId, String role, long expires) {
		return Map.of("iss", "12345678", "ist", "project", "session_id", sessionId, "role", role, "exp", expires);
	}

	/**
	 * The Java SDK's T1 format, which is not a JWS: hex HMAC-SHA1 of a form-encoded
	 * string.
	 */
	private static String legacy(String secret, long expires, String role) throws Exception {
		String signed = "session_id=" + SESSION + "&create_time=" + NOW + "&nonce=42&role=" + role + "&expire_time="
				+ expires + "&connection_data=x";
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		String sig = HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		return "T1==" + Base64.getUrlEncoder()
			.encodeToString(("partner_id=12345678&sig=" + sig + ":" + signed).getBytes(StandardCharsets.UTF_8));
	}

	private void refused(String token, String sessionId) {
		assertThatExceptionOfType(Hs256.InvalidToken.class).isThrownBy(() -> this.tokens.verify(token, sessionId));
	}

}
