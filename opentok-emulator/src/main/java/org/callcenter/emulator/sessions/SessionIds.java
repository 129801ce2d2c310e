package org.callcenter.emulator.sessions;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Session ids shaped like OpenTok's: {@code 1_} + base64url of
 * {@code 1~apiKey~~createdMillis~random~~}, which the server SDK's token generation
 * accepts.
 */
public final class SessionIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SessionIds() {
	}

	public static String create(String apiKey, long nowMillis) {
		byte[] random = new byte[18];
		RANDOM.nextBytes(random);
		String raw = "1~" + apiKey + "~~" + nowMillis + "~" + Base64.getEncoder().encodeToString(random) + "~~";
		return "1_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/** The API key a session id was made for, or null if it is not a session id. */
	public static String apiKeyOf(String sessionId) {
		if (sessionId == null || sessionId.length() < 3 || !sessionId.matches("[0-9]_[A-Za-z0-9_-]+")) {
			return null;
		}
		try {
			String raw = new String(Base64.getUrlDecoder().decode(sessionId.substring(2)), StandardCharsets.UTF_8);
			String[] fields = raw.split("~", -1);
			return (fields.length > 1) ? fields[1] : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
