package org.callcenter.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs a callback body as Vonage's secure callbacks do: {@code Authorization: Bearer <HS256 JWT>}. */
public final class VonageSignatures {

	private VonageSignatures() {
	}

	/** An OpenTok project JWT ({@code X-OPENTOK-AUTH}), as the server SDKs sign them, valid five minutes. */
	public static String projectToken(int apiKey, String apiSecret) {
		long now = System.currentTimeMillis() / 1000;
		return jwt("{\"iss\":\"" + apiKey + "\",\"ist\":\"project\",\"iat\":" + now + ",\"exp\":" + (now + 300)
				+ ",\"jti\":\"" + java.util.UUID.randomUUID() + "\"}", apiSecret);
	}

	public static String authorization(String body, String secret, String issuer) {
		return authorization(body, secret, issuer, System.currentTimeMillis() / 1000,
				java.util.UUID.randomUUID().toString());
	}

	/** A signature issued at {@code issuedAt} (epoch seconds) with the given {@code jti}. */
	public static String authorization(String body, String secret, String issuer, long issuedAt, String jti) {
		try {
			Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
			String hash = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
			return "Bearer " + jwt("{\"iat\":" + issuedAt + ",\"jti\":\"" + jti + "\",\"iss\":\"" + issuer
					+ "\",\"payload_hash\":\"" + hash + "\",\"api_key\":\"12345678\"}", secret);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An HS256 JWT of any claims, for tests of what a verifier refuses. */
	public static String jwt(String claimsJson, String secret) {
		try {
			Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
			String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
			String claims = b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return header + "." + claims + "." + b64.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
