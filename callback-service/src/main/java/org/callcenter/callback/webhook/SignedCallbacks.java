package org.callcenter.callback.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.callback.system.CallbackProperties;

import org.springframework.stereotype.Component;

/**
 * Vonage's signed callbacks: an HS256 JWT in {@code Authorization} ({@code Bearer } optional), signed
 * with the signature secret, issued by Vonage, whose {@code payload_hash} is the SHA-256 of the raw
 * body. There is no expiry to check: Vonage's example token has none and retries go on for a day,
 * so replays are harmless downstream (consumers are idempotent). Verified by hand because JOSE
 * libraries refuse keys under 256 bits, and Vonage allows shorter signature secrets.
 */
@Component
class SignedCallbacks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CallbackProperties properties;

	SignedCallbacks(CallbackProperties properties) {
		this.properties = properties;
	}

	void verify(String authorization, byte[] body) {
		if (!this.properties.signed()) {
			return;
		}
		if (authorization == null || authorization.isBlank()) {
			throw new UnsignedCallback("The callback is not signed.");
		}
		String token = authorization.trim().replaceFirst("(?i)^Bearer\\s+", "");
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3) {
			throw new UnsignedCallback("The signature is not a JWT.");
		}
		try {
			Map<?, ?> header = JSON.readValue(Base64.getUrlDecoder().decode(parts[0]), Map.class);
			byte[] expected = hmacSha256(parts[0] + "." + parts[1]);
			if (!"HS256".equals(header.get("alg"))
					|| !MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
				throw new UnsignedCallback("The signature does not verify.");
			}
			Map<?, ?> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
			if (!"Vonage".equals(claims.get("iss"))) {
				throw new UnsignedCallback("The signature was not issued by Vonage.");
			}
			String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
			if (!hash.equalsIgnoreCase(String.valueOf(claims.get("payload_hash")))) {
				throw new UnsignedCallback("The body does not match the signed payload hash.");
			}
		}
		catch (IllegalArgumentException | JacksonException | GeneralSecurityException ex) {
			throw new UnsignedCallback("The signature is unreadable.");
		}
	}

	private byte[] hmacSha256(String input) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(this.properties.signatureSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
	}

}
