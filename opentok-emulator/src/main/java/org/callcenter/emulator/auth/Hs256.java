package org.callcenter.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compact HS256 JWTs, as the OpenTok SDK signs its REST calls and Vonage signs callbacks. Small
 * enough to own: JOSE libraries refuse keys under 256 bits, and Vonage signature secrets may be shorter.
 */
public final class Hs256 {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private Hs256() {
	}

	public static String sign(Map<String, ?> header, Map<String, ?> claims, String secret) {
		String signingInput = part(JSON.writeValueAsBytes(header)) + "." + part(JSON.writeValueAsBytes(claims));
		return signingInput + "." + part(mac(signingInput, secret));
	}

	/** The claims of a token signed with {@code secret} using HS256; throws if anything is off. */
	public static Map<String, Object> verify(String token, String secret) {
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3) {
			throw new InvalidToken("not a compact JWS");
		}
		try {
			Map<?, ?> header = JSON.readValue(DECODER.decode(parts[0]), Map.class);
			if (!"HS256".equals(header.get("alg"))) {
				throw new InvalidToken("alg must be HS256");
			}
			byte[] expected = mac(parts[0] + "." + parts[1], secret);
			if (!MessageDigest.isEqual(expected, DECODER.decode(parts[2]))) {
				throw new InvalidToken("bad signature");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> claims = JSON.readValue(DECODER.decode(parts[1]), Map.class);
			return claims;
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new InvalidToken("unreadable token");
		}
	}

	private static String part(byte[] bytes) {
		return ENCODER.encodeToString(bytes);
	}

	private static byte[] mac(String input, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static class InvalidToken extends RuntimeException {

		public InvalidToken(String reason) {
			super(reason);
		}

	}

}
