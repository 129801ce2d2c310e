package org.callcenter.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;

/**
 * Signs a callback body as Vonage's secure callbacks do:
 * {@code Authorization: Bearer <HS256 JWT>}.
 */
public final class VonageSignatures {

	private static final JWSHeader HEADER = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();

	/**
	 * HS256 keys are at least as long as the hash (RFC 7518, section 3.2); Nimbus
	 * enforces it.
	 */
	private static final int HS256_KEY_BYTES = 32;

	private VonageSignatures() {
	}

	/**
	 * An OpenTok project JWT ({@code X-OPENTOK-AUTH}), as the server SDKs sign them,
	 * valid five minutes.
	 */
	public static String projectToken(int apiKey, String apiSecret) {
		long now = System.currentTimeMillis() / 1000;
		return jwt("{\"iss\":\"" + apiKey + "\",\"ist\":\"project\",\"iat\":" + now + ",\"exp\":" + (now + 300)
				+ ",\"jti\":\"" + java.util.UUID.randomUUID() + "\"}", apiSecret);
	}

	public static String authorization(String body, String secret, String issuer) {
		return authorization(body, secret, issuer, System.currentTimeMillis() / 1000,
				java.util.UUID.randomUUID().toString());
	}

	/**
	 * A signature issued at {@code issuedAt} (epoch seconds) with the given {@code jti}.
	 */
	public static String authorization(String body, String secret, String issuer, long issuedAt, String jti) {
		try {
			String hash = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
			return "Bearer " + jwt("{\"iat\":" + issuedAt + ",\"jti\":\"" + jti + "\",\"iss\":\"" + issuer
					+ "\",\"payload_hash\":\"" + hash + "\",\"api_key\":\"12345678\"}", secret);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An HS256 JWT of any claims (kept as given, byte for byte), for tests of what a
	 * verifier refuses. Secrets shorter than an HS256 key are padded with zero bytes,
	 * which HMAC (RFC 2104) does anyway: the MAC is the one Vonage computes with the
	 * secret itself.
	 */
	public static String jwt(String claimsJson, String secret) {
		byte[] key = secret.getBytes(StandardCharsets.UTF_8);
		try {
			JWSObject jws = new JWSObject(HEADER, new Payload(claimsJson));
			jws.sign(new MACSigner((key.length >= HS256_KEY_BYTES) ? key : Arrays.copyOf(key, HS256_KEY_BYTES)));
			return jws.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
