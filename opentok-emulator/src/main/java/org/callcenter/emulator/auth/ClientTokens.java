package org.callcenter.emulator.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.callcenter.emulator.system.EmulatorProperties;

import org.springframework.stereotype.Component;

/**
 * Checks the client tokens browsers present when they connect: the legacy {@code T1==}
 * tokens of the Java SDK (HMAC-SHA1 over the signed string) and the JWT tokens of newer
 * SDKs. A token must be signed with the project's secret, belong to this project and to
 * the session being joined, carry a known role and not have expired.
 */
@Component
public class ClientTokens {

	private static final Set<String> ROLES = Set.of("publisher", "subscriber", "moderator");

	private final EmulatorProperties properties;

	private final Clock clock;

	ClientTokens(EmulatorProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The token's grant for {@code sessionId}; throws {@link Hs256.InvalidToken} when
	 * refused.
	 */
	public ClientToken verify(String token, String sessionId) {
		if (token == null || sessionId == null) {
			throw new Hs256.InvalidToken("missing token or session");
		}
		Map<String, String> fields = token.startsWith("T1==") ? legacyFields(token) : jwtFields(token);
		if (!sessionId.equals(fields.get("session_id"))) {
			throw new Hs256.InvalidToken("token is for another session");
		}
		String role = fields.getOrDefault("role", "publisher");
		if (!ROLES.contains(role)) {
			throw new Hs256.InvalidToken("unknown role");
		}
		long expires = parseLong(fields.get("expire_time"));
		if (expires <= this.clock.instant().getEpochSecond()) {
			throw new Hs256.InvalidToken("token expired");
		}
		return new ClientToken(sessionId, role, fields.getOrDefault("connection_data", ""), expires);
	}

	private Map<String, String> legacyFields(String token) {
		String inner;
		try {
			inner = new String(
					Base64.getUrlDecoder().decode(pad(token.substring(4).replace('+', '-').replace('/', '_'))),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new Hs256.InvalidToken("unreadable token");
		}
		int colon = inner.indexOf(':');
		if (colon < 0) {
			throw new Hs256.InvalidToken("unreadable token");
		}
		Map<String, String> head = form(inner.substring(0, colon));
		String signed = inner.substring(colon + 1);
		if (!this.properties.apiKeyText().equals(head.get("partner_id"))) {
			throw new Hs256.InvalidToken("token is for another project");
		}
		byte[] expected = hmacSha1(signed);
		byte[] given;
		try {
			given = HexFormat.of().parseHex(head.getOrDefault("sig", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new Hs256.InvalidToken("bad signature");
		}
		if (!MessageDigest.isEqual(expected, given)) {
			throw new Hs256.InvalidToken("bad signature");
		}
		return form(signed);
	}

	private Map<String, String> jwtFields(String token) {
		Map<String, Object> claims = Hs256.verify(token, this.properties.apiSecret());
		if (!this.properties.apiKeyText().equals(String.valueOf(claims.get("iss")))) {
			throw new Hs256.InvalidToken("token is for another project");
		}
		Map<String, String> fields = new HashMap<>();
		claims.forEach((name, value) -> fields.put(name, String.valueOf(value)));
		fields.putIfAbsent("expire_time", String.valueOf(claims.getOrDefault("exp", "0")));
		return fields;
	}

	/**
	 * The legacy {@code T1==} token is not a JWS but the OpenTok wire format of the Java
	 * SDK: the hex HMAC-SHA1 of a form-encoded string, keyed with the trimmed API secret.
	 * No JOSE library reads it, so this is the one MAC the suite computes by hand; JWT
	 * tokens go through {@link Hs256}.
	 */
	private byte[] hmacSha1(String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(
					new SecretKeySpec(this.properties.apiSecret().trim().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> form(String text) {
		Map<String, String> fields = new HashMap<>();
		for (String pair : text.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				fields.put(pair.substring(0, equals),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return fields;
	}

	private static String pad(String base64) {
		return base64 + "=".repeat((4 - base64.length() % 4) % 4);
	}

	private static long parseLong(String value) {
		try {
			return (long) Double.parseDouble(value);
		}
		catch (NumberFormatException | NullPointerException ex) {
			throw new Hs256.InvalidToken("bad expire_time");
		}
	}

	/**
	 * What a verified token allows: join {@code sessionId} with {@code role}, showing
	 * {@code data}.
	 */
	public record ClientToken(String sessionId, String role, String data, long expiresAt) {
	}

}
