package org.callcenter.trust;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Short credentials signed with a secret the gateway and the services share: compact JWS
 * (RFC 7515) JWTs, HS256, with the claims {@code purpose}, {@code sub}, {@code iat} and
 * {@code exp}. The purpose is signed and checked, so a caller's credential can never pass
 * for an agent's identity; only HS256 is accepted ({@code none}, other algorithms and
 * other keys are refused), and the MAC is compared in constant time by Nimbus JOSE+JWT.
 */
public final class SignedCredentials {

	/** The claim that says what a credential is for ({@link Purpose}). */
	static final String PURPOSE_CLAIM = "purpose";

	private static final JWSHeader HEADER = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();

	/**
	 * HS256 keys are at least as long as the hash (RFC 7518, section 3.2); Nimbus
	 * enforces it.
	 */
	private static final int HS256_KEY_BYTES = 32;

	private final JWSSigner signer;

	private final JWSVerifier verifier;

	private final Clock clock;

	public SignedCredentials(String secret, Clock clock) {
		if (secret == null || secret.length() < 16) {
			throw new IllegalArgumentException("the shared secret must have at least 16 characters");
		}
		byte[] key = hmacKey(secret);
		try {
			this.signer = new MACSigner(key);
			this.verifier = new MACVerifier(key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		this.clock = clock;
	}

	/**
	 * The shared secret as an HS256 key. HMAC (RFC 2104, section 2) pads a key shorter
	 * than its 64-byte block with zero bytes, so a secret padded with zeros to 32 bytes
	 * gives exactly the MAC of HMAC-SHA256 keyed with the secret itself: the strength of
	 * the secret, no more and no less, as these credentials always had. It only lets
	 * Nimbus accept the 16 to 31 character secrets that configurations already use
	 * ({@code ./run} makes random ones of 42), so no one's setting breaks. A derived key
	 * (HKDF) would be no stronger, as no derivation adds entropy to the secret: the 16
	 * character minimum and a random secret in production are what provide it.
	 */
	private static byte[] hmacKey(String secret) {
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		return (bytes.length >= HS256_KEY_BYTES) ? bytes : Arrays.copyOf(bytes, HS256_KEY_BYTES);
	}

	public String issue(Purpose purpose, String subject, Duration validity) {
		Instant now = this.clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().claim(PURPOSE_CLAIM, purpose.name())
			.subject(subject)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(validity)))
			.build();
		SignedJWT credential = new SignedJWT(HEADER, claims);
		try {
			credential.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return credential.serialize();
	}

	/**
	 * The subject of a valid, unexpired credential issued for {@code purpose}; empty
	 * otherwise.
	 */
	public Optional<String> verify(Purpose purpose, String credential) {
		if (credential == null) {
			return Optional.empty();
		}
		try {
			SignedJWT jwt = SignedJWT.parse(credential);
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(this.verifier)) {
				return Optional.empty();
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			Date expires = claims.getExpirationTime();
			if (!purpose.name().equals(claims.getStringClaim(PURPOSE_CLAIM)) || expires == null
					|| expires.toInstant().getEpochSecond() < this.clock.instant().getEpochSecond()) {
				return Optional.empty();
			}
			return Optional.ofNullable(claims.getSubject());
		}
		catch (ParseException | JOSEException | RuntimeException ex) {
			// RuntimeException too: Nimbus 10.4 answers some malformed input unchecked (a
			// header or
			// claims of JSON null is a NullPointerException), and a bad credential is
			// refused, never a 500
			return Optional.empty();
		}
	}

	/** What a credential is for. */
	public enum Purpose {

		/**
		 * Issued by the gateway for an authenticated agent, on every request it forwards.
		 */
		AGENT,
		/**
		 * Issued by queue-service to a caller when it dials: lets it follow and leave its
		 * own call.
		 */
		CALLER,
		/**
		 * Issued by the gateway for itself on requests no agent or caller makes, such as
		 * reporting which callers' pages are still open; the subject names the issuing
		 * service.
		 */
		SERVICE,
		/**
		 * Issued by the gateway to a caller's page in exchange for its caller credential:
		 * opens that call's event stream for a few seconds. It travels in the stream's
		 * URL (EventSource sends no headers), where the caller credential, which can also
		 * leave the call, must not.
		 */
		CALLER_EVENTS

	}

	/** The header that carries an agent's identity from the gateway to the services. */
	public static final String AGENT_HEADER = "X-Agent-Identity";

	/** The header that carries a service's own identity to another service. */
	public static final String SERVICE_HEADER = "X-Service-Identity";

}
