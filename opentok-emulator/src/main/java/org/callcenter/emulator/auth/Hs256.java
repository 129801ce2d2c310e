package org.callcenter.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;

/**
 * Compact HS256 JWTs, as the OpenTok SDK signs its REST calls and Vonage signs callbacks,
 * signed and checked by Nimbus JOSE+JWT: HS256 only ({@code none} and other algorithms
 * are refused), MAC compared in constant time. What the claims must say (issuer, expiry)
 * is for the caller to check.
 */
public final class Hs256 {

	private static final JWSHeader HEADER = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();

	/**
	 * HS256 keys are at least as long as the hash (RFC 7518, section 3.2); Nimbus
	 * enforces it.
	 */
	private static final int HS256_KEY_BYTES = 32;

	private Hs256() {
	}

	/**
	 * A JWT of {@code claims}, header {@code {"typ":"JWT","alg":"HS256"}}, signed with
	 * {@code secret}.
	 */
	public static String sign(Map<String, ?> claims, String secret) {
		JWSObject jws = new JWSObject(HEADER, new Payload(new LinkedHashMap<String, Object>(claims)));
		try {
			jws.sign(new MACSigner(key(secret)));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jws.serialize();
	}

	/**
	 * The claims of a token signed with {@code secret} using HS256; throws if anything is
	 * off.
	 */
	public static Map<String, Object> verify(String token, String secret) {
		JWSObject jws = parse(token);
		if (!JWSAlgorithm.HS256.equals(jws.getHeader().getAlgorithm())) {
			throw new InvalidToken("alg must be HS256");
		}
		try {
			if (!jws.verify(new MACVerifier(key(secret)))) {
				throw new InvalidToken("bad signature");
			}
		}
		catch (JOSEException ex) {
			throw new InvalidToken("bad signature");
		}
		Map<String, Object> claims = jws.getPayload().toJSONObject();
		if (claims == null) {
			throw new InvalidToken("unreadable token");
		}
		return claims;
	}

	private static JWSObject parse(String token) {
		try {
			return JWSObject.parse(token);
		}
		catch (ParseException | RuntimeException ex) {
			// RuntimeException too: Nimbus 10.4 answers some malformed input unchecked (a
			// header of
			// JSON null is a NullPointerException); a bad token is refused, never a 500
			throw new InvalidToken("unreadable token");
		}
	}

	/**
	 * The secret as an HS256 key. Vonage signature secrets may be shorter than the 32
	 * bytes Nimbus asks of an HS256 key; HMAC (RFC 2104, section 2) pads a key shorter
	 * than its 64-byte block with zero bytes, so the secret padded with zeros to 32 bytes
	 * gives exactly the MAC of the secret itself, as Vonage and the SDKs compute it.
	 */
	private static byte[] key(String secret) {
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		return (bytes.length >= HS256_KEY_BYTES) ? bytes : Arrays.copyOf(bytes, HS256_KEY_BYTES);
	}

	public static class InvalidToken extends RuntimeException {

		public InvalidToken(String reason) {
			super(reason);
		}

	}

}
