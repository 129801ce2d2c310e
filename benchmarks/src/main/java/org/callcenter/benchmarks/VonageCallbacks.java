package org.callcenter.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session-monitoring callbacks as OpenTok sends them, signed as Vonage signs them:
 * {@code Authorization: Bearer <HS256 JWT>} whose {@code payload_hash} is the SHA-256 of
 * the body. (HMAC pads a short key with zeros, so the secret is used as it is.)
 */
final class VonageCallbacks {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final String HEADER = BASE64URL
		.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

	private VonageCallbacks() {
	}

	/**
	 * A caller's connection created in the call's session, as the caller's page makes it.
	 */
	static String callerConnected(int apiKey, String sessionId, String connectionId, String callId) {
		long now = System.currentTimeMillis();
		String data = "{\\\"userId\\\":\\\"" + callId + "\\\",\\\"userType\\\":\\\"caller\\\"}";
		return "{\"sessionId\":\"" + sessionId + "\",\"projectId\":\"" + apiKey
				+ "\",\"event\":\"connectionCreated\",\"timestamp\":" + now + ",\"connection\":{\"id\":\""
				+ connectionId + "\",\"createdAt\":" + now + ",\"data\":\"" + data + "\"}}";
	}

	static String authorization(String body, String secret, int apiKey) {
		try {
			String hash = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
			String claims = "{\"iat\":" + (System.currentTimeMillis() / 1000) + ",\"jti\":\"" + UUID.randomUUID()
					+ "\",\"iss\":\"Vonage\",\"payload_hash\":\"" + hash + "\",\"api_key\":\"" + apiKey + "\"}";
			String signed = HEADER + "." + BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "Bearer " + signed + "."
					+ BASE64URL.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
