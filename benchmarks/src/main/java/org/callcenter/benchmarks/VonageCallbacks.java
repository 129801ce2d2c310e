package org.callcenter.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;

/**
 * Session-monitoring callbacks as OpenTok sends them, signed as Vonage signs them:
 * {@code Authorization: Bearer <HS256 JWT>} whose {@code payload_hash} is the SHA-256 of
 * the body. (A short secret is padded with zeros, as HMAC itself does.)
 */
final class VonageCallbacks {

	private static final JWSHeader HEADER = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();

	/** Nimbus wants an HS256 key as long as the hash (RFC 7518, 3.2). */
	private static final int HS256_KEY_BYTES = 32;

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
			JWSObject jws = new JWSObject(HEADER, new Payload(claims));
			byte[] key = secret.getBytes(StandardCharsets.UTF_8);
			jws.sign(new MACSigner((key.length >= HS256_KEY_BYTES) ? key : Arrays.copyOf(key, HS256_KEY_BYTES)));
			return "Bearer " + jws.serialize();
		}
		catch (GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
