package org.callcenter.callback.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;

import org.callcenter.callback.system.CallbackProperties;

import org.springframework.stereotype.Component;

/**
 * Vonage's signed callbacks: an HS256 JWT in {@code Authorization} ({@code Bearer }
 * optional), signed with the signature secret, issued by Vonage, whose
 * {@code payload_hash} is the SHA-256 of the raw body. The token has no expiry, so its
 * {@code iat} must be there, not in the future (beyond the clock skew) and not older than
 * Vonage's retries can be (24 h). Replays within that window are caught by {@code jti}
 * ({@link ReplayGuard}). The signature is checked by Nimbus JOSE+JWT: HS256 only, MAC
 * compared in constant time.
 */
@Component
class SignedCallbacks {

	/**
	 * HS256 keys are at least as long as the hash (RFC 7518, section 3.2); Nimbus
	 * enforces it.
	 */
	private static final int HS256_KEY_BYTES = 32;

	private final CallbackProperties properties;

	private final Clock clock;

	private final JWSVerifier verifier;

	SignedCallbacks(CallbackProperties properties) {
		this.properties = properties;
		this.clock = Clock.systemUTC();
		this.verifier = properties.signed() ? verifier(properties.signatureSecret()) : null;
	}

	/**
	 * Vonage chooses the signature secret and may make it shorter than the 32 bytes
	 * Nimbus asks of an HS256 key. HMAC (RFC 2104, section 2) pads a key shorter than its
	 * 64-byte block with zero bytes, so the secret padded with zeros to 32 bytes gives
	 * exactly the MAC Vonage computed with the secret itself.
	 */
	private static JWSVerifier verifier(String secret) {
		byte[] key = secret.getBytes(StandardCharsets.UTF_8);
		try {
			return new MACVerifier((key.length >= HS256_KEY_BYTES) ? key : Arrays.copyOf(key, HS256_KEY_BYTES));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Checks the signature of a callback; answers its {@code jti} (null when callbacks
	 * are not signed, or the token has none).
	 */
	String verify(String authorization, byte[] body) {
		if (!this.properties.signed()) {
			return null;
		}
		if (authorization == null || authorization.isBlank()) {
			throw new UnsignedCallback("The callback is not signed.");
		}
		String token = authorization.trim().replaceFirst("(?i)^Bearer\\s+", "");
		if (token.split("\\.", -1).length != 3) {
			throw new UnsignedCallback("The signature is not a JWT.");
		}
		try {
			JWSObject jws = parse(token);
			if (!JWSAlgorithm.HS256.equals(jws.getHeader().getAlgorithm()) || !jws.verify(this.verifier)) {
				throw new UnsignedCallback("The signature does not verify.");
			}
			Map<String, Object> claims = jws.getPayload().toJSONObject();
			if (claims == null) {
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
			// api_key is not checked: for Video it is not documented to be the project's
			// API key, and
			// a wrong guess would refuse every real callback. The body's projectId is
			// checked instead.
			Object jti = claims.get("jti");
			return (jti != null) ? String.valueOf(jti) : null;
		}
		catch (ParseException | JOSEException | IllegalArgumentException | NoSuchAlgorithmException ex) {
			throw new UnsignedCallback("The signature is unreadable.");
		}
	}

	private static JWSObject parse(String token) throws ParseException {
		try {
			return JWSObject.parse(token);
		}
		catch (RuntimeException ex) {
			// Nimbus 10.4 answers some malformed input unchecked (a header of JSON null
			// is a
			// NullPointerException); hostile input is a 401, never a 500
			throw new ParseException("unreadable JWS: " + ex, 0);
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

}
