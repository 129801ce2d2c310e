package org.callcenter.trust;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short credentials signed with a secret the gateway and the services share:
 * {@code v1.<purpose>.<subject>.<expires>.<mac>}, the subject base64url-encoded, the MAC an
 * HMAC-SHA256 of everything before it. The purpose is signed too, so a caller's credential can
 * never pass for an agent's identity.
 */
public final class SignedCredentials {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final byte[] secret;

	private final Clock clock;

	public SignedCredentials(String secret, Clock clock) {
		if (secret == null || secret.length() < 16) {
			throw new IllegalArgumentException("the shared secret must have at least 16 characters");
		}
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
		this.clock = clock;
	}

	public String issue(Purpose purpose, String subject, Duration validity) {
		long expires = this.clock.instant().plus(validity).getEpochSecond();
		String signed = "v1." + purpose.name() + "." + ENCODER.encodeToString(subject.getBytes(StandardCharsets.UTF_8))
				+ "." + expires;
		return signed + "." + ENCODER.encodeToString(mac(signed));
	}

	/** The subject of a valid, unexpired credential issued for {@code purpose}; empty otherwise. */
	public Optional<String> verify(Purpose purpose, String credential) {
		if (credential == null) {
			return Optional.empty();
		}
		String[] parts = credential.split("\\.", -1);
		if (parts.length != 5 || !"v1".equals(parts[0]) || !purpose.name().equals(parts[1])) {
			return Optional.empty();
		}
		try {
			String signed = String.join(".", parts[0], parts[1], parts[2], parts[3]);
			if (!MessageDigest.isEqual(mac(signed), DECODER.decode(parts[4]))
					|| Long.parseLong(parts[3]) < this.clock.instant().getEpochSecond()) {
				return Optional.empty();
			}
			return Optional.of(new String(DECODER.decode(parts[2]), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] mac(String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What a credential is for. */
	public enum Purpose {

		/** Issued by the gateway for an authenticated agent, on every request it forwards. */
		AGENT,
		/** Issued by queue-service to a caller when it dials: lets it follow and leave its own call. */
		CALLER,
		/**
		 * Issued by the gateway for itself on requests no agent or caller makes, such as reporting
		 * which callers' pages are still open; the subject names the issuing service.
		 */
		SERVICE,
		/**
		 * Issued by the gateway to a caller's page in exchange for its caller credential: opens that
		 * call's event stream for a few seconds. It travels in the stream's URL (EventSource sends no
		 * headers), where the caller credential, which can also leave the call, must not.
		 */
		CALLER_EVENTS

	}

	/** The header that carries an agent's identity from the gateway to the services. */
	public static final String AGENT_HEADER = "X-Agent-Identity";

	/** The header that carries a service's own identity to another service. */
	public static final String SERVICE_HEADER = "X-Service-Identity";

}
