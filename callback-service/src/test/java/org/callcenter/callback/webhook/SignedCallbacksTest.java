package org.callcenter.callback.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.callcenter.callback.system.CallbackProperties;
import org.callcenter.testsupport.VonageSignatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SignedCallbacksTest {

	/** Shorter than the 32 bytes of an HS256 key: Vonage's secrets may be. */
	private static final String SECRET = "short-secret";

	private static final String BODY = """
			{"sessionId":"1_s","projectId":"12345678","event":"connectionCreated","timestamp":1700000000123}""";

	private final SignedCallbacks signatures = new SignedCallbacks(properties(SECRET));

	@Test
	void aCallbackSignedAsVonageSignsItVerifiesWithOrWithoutBearerAndGivesItsJti() {
		String authorization = VonageSignatures.authorization(BODY, SECRET, "Vonage", now(), "jti-1");

		assertThat(this.signatures.verify(authorization, bytes(BODY))).isEqualTo("jti-1");
		assertThat(this.signatures.verify(authorization.substring("Bearer ".length()), bytes(BODY))).isEqualTo("jti-1");
		assertThat(this.signatures.verify("bearer  " + authorization.substring("Bearer ".length()), bytes(BODY)))
			.isEqualTo("jti-1");
	}

	@Test
	void aTokenSignedWithPlainHmacSha256OfAShortSecretVerifies() throws Exception {
		String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
		String claims = encode("{\"iat\":" + now() + ",\"jti\":\"by-hand\",\"iss\":\"Vonage\",\"payload_hash\":\""
				+ sha256(BODY) + "\"}");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String signature = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));

		assertThat(this.signatures.verify(header + "." + claims + "." + signature, bytes(BODY))).isEqualTo("by-hand");
	}

	@Test
	void aCallbackSignedWithAnotherSecretIsRefused() {
		refused(VonageSignatures.authorization(BODY, "another-secret", "Vonage"), BODY);
		refused(VonageSignatures.authorization(BODY, "short-secret-but-longer-than-32-bytes", "Vonage"), BODY);
	}

	@Test
	void aTamperedBodyTamperedClaimsOrAnotherIssuerAreRefused() {
		String authorization = VonageSignatures.authorization(BODY, SECRET, "Vonage");
		String[] parts = authorization.substring("Bearer ".length()).split("\\.");
		String otherJti = encode(decode(parts[1]).replaceFirst("\"jti\":\"[^\"]*\"", "\"jti\":\"other\""));

		refused(authorization, BODY.replace("1_s", "1_t"));
		refused(parts[0] + "." + otherJti + "." + parts[2], BODY);
		refused(VonageSignatures.authorization(BODY, SECRET, "Mallory"), BODY);
	}

	@Test
	void unsignedAndOtherAlgorithmsAreRefused() {
		String token = VonageSignatures.authorization(BODY, SECRET, "Vonage").substring("Bearer ".length());
		String[] parts = token.split("\\.");

		refused(encode("{\"alg\":\"none\"}") + "." + parts[1] + ".", BODY);
		refused(encode("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2], BODY);
		refused(encode("{\"alg\":\"RS256\"}") + "." + parts[1] + "." + parts[2], BODY);
		refused(encode("{\"alg\":\"HS512\"}") + "." + parts[1] + "." + parts[2], BODY);
	}

	@Test
	void staleFutureAndUndatedSignaturesAreRefused() {
		refused(VonageSignatures.authorization(BODY, SECRET, "Vonage", now() - Duration.ofHours(25).toSeconds(), "old"),
				BODY);
		refused(VonageSignatures.authorization(BODY, SECRET, "Vonage", now() + Duration.ofHours(1).toSeconds(), "new"),
				BODY);
		refused(VonageSignatures.jwt("{\"iss\":\"Vonage\",\"payload_hash\":\"" + sha256(BODY) + "\"}", SECRET), BODY);
		assertThat(this.signatures.verify(VonageSignatures.authorization(BODY, SECRET, "Vonage",
				now() - Duration.ofHours(23).toSeconds(), "a-retry"), bytes(BODY)))
			.isEqualTo("a-retry");
	}

	@Test
	void missingAndUnreadableSignaturesAreRefused() {
		String nullHeader = encode("null");
		String claims = VonageSignatures.jwt("{}", SECRET).split("\\.")[1];

		refused(null, BODY);
		refused(" ", BODY);
		refused("Bearer garbage", BODY);
		refused("Bearer not.a.jwt", BODY);
		refused(nullHeader + "." + claims + ".c2ln", BODY);
		refused(VonageSignatures.jwt("[]", SECRET), BODY);
	}

	@Test
	void withoutASignatureSecretCallbacksAreNotChecked() {
		SignedCallbacks unsigned = new SignedCallbacks(properties(""));

		assertThat(unsigned.verify(null, bytes(BODY))).isNull();
		assertThat(unsigned.verify("Bearer garbage", bytes(BODY))).isNull();
	}

	private void refused(String authorization, String body) {
		assertThatExceptionOfType(UnsignedCallback.class)
			.isThrownBy(() -> this.signatures.verify(authorization, bytes(body)));
	}

	private static CallbackProperties properties(String secret) {
		return new CallbackProperties(secret, Duration.ofSeconds(10), Duration.ofMinutes(5), "12345678",
				Duration.ofHours(24), Duration.ofMinutes(5));
	}

	private static long now() {
		return System.currentTimeMillis() / 1000;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(json));
	}

	private static String decode(String part) {
		return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
	}

	private static String sha256(String body) {
		try {
			return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes(body)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
