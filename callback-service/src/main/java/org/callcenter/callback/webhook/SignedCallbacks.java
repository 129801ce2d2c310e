package org.callcenter.callback.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
 * body. The token has no expiry, so its {@code iat} must be there, not in the future (beyond the
 * clock skew) and not older than Vonage's retries can be (24 h). Replays within that window are caught by {@code jti}
 * ({@link ReplayGuard}). Verified by hand because JOSE libraries refuse keys under 256 bits, and
 * Vonage allows shorter signature secrets.
 */
@Component
class SignedCallbacks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CallbackProperties properties;

	private final Clock clock;

	SignedCallbacks(CallbackProperties properties) {
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Checks the signature of a callback; answers its {@code jti} (null when callbacks are not
	 * signed, or the token has none).
	 */
	String verify(String authorization, byte[] body) {
		if (!this.properties.signed()) {
			return null;
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
			Object header = JSON.readValue(Base64.getUrlDecoder().decode(parts[0]), Object.class);
			byte[] expected = hmacSha256(parts[0] + "." + parts[1]);
			if (!(header instanceof Map<?, ?> fields) || !"HS256".equals(fields.get("alg"))
					|| !MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
				throw new UnsignedCallback("The signature does not verify.");
			}
			if (!(JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Object.class) instanceof Map<?, ?> claims)) {
				throw new UnsignedCallback("The signature carries no claims.");
			}
			if (!"Vonage".equals(claims.get("iss"))) {
				throw new UnsignedCallback("The signature was not issued by Vonage.");
			}
			String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
			if (!hash.equalsIgnoreCase(String.valueOf(claims.get("payload_hash")))) {
				throw new UnsignedCallback("The body does not match the signed payload hash.");
			}
			checkFresh(claims.get("iat"));
			// api_key is not checked: for Video it is not documented to be the project's API key, and
			// a wrong guess would refuse every real callback. The body's projectId is checked instead.
			Object jti = claims.get("jti");
			return (jti != null) ? String.valueOf(jti) : null;
		}
		catch (IllegalArgumentException | JacksonException | GeneralSecurityException ex) {
			throw new UnsignedCallback("The signature is unreadable.");
		}
	}

	private void checkFresh(Object issuedAt) {
		if (!(issuedAt instanceof Number seconds)) {
			throw new UnsignedCallback("The signature has no issue time.");
		}
		Instant issued = Instant.ofEpochSecond(seconds.longValue());
		Instant now = this.clock.instant();
		if (issued.isAfter(now.plus(this.properties.clockSkew()))) {
			throw new UnsignedCallback("The signature was issued in the future.");
		}
		if (issued.isBefore(now.minus(this.properties.freshness()))) {
			throw new UnsignedCallback("The signature is too old to be a delivery or a retry.");
		}
	}

	private byte[] hmacSha256(String input) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(this.properties.signatureSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
	}

}
