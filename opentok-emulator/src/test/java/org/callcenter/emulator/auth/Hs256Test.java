package org.callcenter.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class Hs256Test {

	private static final String SECRET = "emulator-secret-0123456789abcdef01234567";

	@Test
	void aSignedTokenVerifiesAndGivesItsClaims() {
		String token = Hs256.sign(Map.of("iss", "12345678", "ist", "project", "iat", 1700000000L), SECRET);

		assertThat(Hs256.verify(token, SECRET)).containsEntry("iss", "12345678")
			.containsEntry("ist", "project")
			.containsEntry("iat", 1700000000L);
		assertThat(decode(token.split("\\.")[0])).contains("\"alg\":\"HS256\"").contains("\"typ\":\"JWT\"");
	}

	@Test
	void aShortSecretSignsExactlyAsPlainHmacSha256WithThatSecret() throws Exception {
		String token = Hs256.sign(Map.of("iss", "Vonage"), "short-secret");
		String[] parts = token.split("\\.");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("short-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));

		assertThat(Base64.getUrlDecoder().decode(parts[2]))
			.isEqualTo(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8)));
		assertThat(Hs256.verify(token, "short-secret")).containsEntry("iss", "Vonage");
	}

	@Test
	void aTokenSignedWithAnotherSecretIsRefused() {
		String token = Hs256.sign(Map.of("iss", "12345678"), "wrong-secret-0123456789abcdefghijklmnop");

		refused(token);
	}

	@Test
	void aTamperedTokenIsRefused() {
		String[] parts = Hs256.sign(Map.of("iss", "12345678", "ist", "project"), SECRET).split("\\.");
		String otherProject = encode(decode(parts[1]).replace("12345678", "87654321"));

		refused(parts[0] + "." + otherProject + "." + parts[2]);
		refused(parts[0] + "." + parts[1] + "." + parts[2].substring(1));
	}

	@Test
	void unsignedAndOtherAlgorithmsAreRefused() {
		String[] parts = Hs256.sign(Map.of("iss", "12345678"), SECRET).split("\\.");

		refused(encode("{\"alg\":\"none\"}") + "." + parts[1] + ".");
		refused(encode("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2]);
		refused(encode("{\"alg\":\"RS256\"}") + "." + parts[1] + "." + parts[2]);
		refused(encode("{\"alg\":\"HS512\"}") + "." + parts[1] + "." + parts[2]);
	}

	@Test
	void unreadableTokensAreRefused() {
		refused("");
		refused("a.b.c");
		refused("not a token");
		refused(encode("null") + "." + encode("{}") + ".c2ln");
		refused(encode("{\"alg\":\"HS256\"}") + "." + encode("{}"));
	}

	private static void refused(String token) {
		assertThatExceptionOfType(Hs256.InvalidToken.class).isThrownBy(() -> Hs256.verify(token, SECRET));
	}

	static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	static String decode(String part) {
		return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
	}

}
