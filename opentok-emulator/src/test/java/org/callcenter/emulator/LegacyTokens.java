package org.callcenter.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds T1 tokens by hand, for the tokens the SDK refuses to make (expired ones). */
final class LegacyTokens {

	private LegacyTokens() {
	}

	static String token(String apiKey, String secret, String sessionId, long expireTime, String role) {
		try {
			long now = System.currentTimeMillis() / 1000;
			String signed = "session_id=" + sessionId + "&create_time=" + now + "&nonce=42&role=" + role
					+ "&expire_time=" + expireTime + "&connection_data=x";
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			String sig = HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
			String inner = "partner_id=" + apiKey + "&sig=" + sig + ":" + signed;
			return "T1==" + Base64.getUrlEncoder().encodeToString(inner.getBytes(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
