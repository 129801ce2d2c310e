package org.callcenter.trust;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.callcenter.trust.SignedCredentials.Purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SignedCredentialsTest {

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

	private static final String SECRET = "a-shared-secret-of-some-length";

	private final SignedCredentials credentials = new SignedCredentials(SECRET, NOW);

	@Test
	void aCredentialNamesItsSubjectForItsPurposeOnly() {
		String agent = this.credentials.issue(Purpose.AGENT, "alice", Duration.ofMinutes(1));
		String caller = this.credentials.issue(Purpose.CALLER, "call-1", Duration.ofMinutes(1));
		String ticket = this.credentials.issue(Purpose.CALLER_EVENTS, "call-1", Duration.ofSeconds(30));

		assertThat(this.credentials.verify(Purpose.AGENT, agent)).contains("alice");
		assertThat(this.credentials.verify(Purpose.CALLER, agent)).isEmpty();
		assertThat(this.credentials.verify(Purpose.AGENT, caller)).isEmpty();
		assertThat(this.credentials.verify(Purpose.AGENT, ticket)).isEmpty();
		assertThat(this.credentials.verify(Purpose.CALLER, ticket)).isEmpty();
		assertThat(this.credentials.verify(Purpose.SERVICE, caller)).isEmpty();
	}

	@Test
	void aCredentialIsAStandardHs256JwtWithPurposeSubjectAndTimes() throws Exception {
		String agent = this.credentials.issue(Purpose.AGENT, "alice", Duration.ofMinutes(1));

		SignedJWT jwt = SignedJWT.parse(agent);
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
		assertThat(claims.getStringClaim("purpose")).isEqualTo("AGENT");
		assertThat(claims.getSubject()).isEqualTo("alice");
		assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW.instant());
		assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.instant().plusSeconds(60));
	}

	@Test
	void theMacIsHmacSha256KeyedWithTheSharedSecretItself() throws Exception {
		String agent = this.credentials.issue(Purpose.AGENT, "alice", Duration.ofMinutes(1));
		String[] parts = agent.split("\\.");

		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8));

		assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);
	}

	@Test
	void aCredentialSignedWithAnotherSecretIsRefused() {
		SignedCredentials other = new SignedCredentials("another-secret-of-some-length", NOW);

		String forged = other.issue(Purpose.CALLER, "call-1", Duration.ofMinutes(1));

		assertThat(this.credentials.verify(Purpose.CALLER, forged)).isEmpty();
	}

	@Test
	void aTamperedCredentialIsRefused() {
		String caller = this.credentials.issue(Purpose.CALLER, "call-1", Duration.ofMinutes(1));
		String[] parts = caller.split("\\.");
		String otherCall = encode(decode(parts[1]).replace("call-1", "call-2"));
		String agentPurpose = encode(decode(parts[1]).replace("CALLER", "AGENT"));

		assertThat(this.credentials.verify(Purpose.CALLER, parts[0] + "." + otherCall + "." + parts[2])).isEmpty();
		assertThat(this.credentials.verify(Purpose.AGENT, parts[0] + "." + agentPurpose + "." + parts[2])).isEmpty();
		assertThat(this.credentials.verify(Purpose.CALLER, caller + "x")).isEmpty();
	}

	@Test
	void unsignedAndOtherAlgorithmsAreRefused() throws Exception {
		String caller = this.credentials.issue(Purpose.CALLER, "call-1", Duration.ofMinutes(1));
		String[] parts = caller.split("\\.");
		JWTClaimsSet claims = SignedJWT.parse(caller).getJWTClaimsSet();
		SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims);
		hs512.sign(new MACSigner(Arrays.copyOf(SECRET.getBytes(StandardCharsets.UTF_8), 64)));

		String none = encode("{\"alg\":\"none\"}");
		String rs256 = encode("{\"alg\":\"RS256\"}");

		assertThat(this.credentials.verify(Purpose.CALLER, new PlainJWT(claims).serialize())).isEmpty();
		assertThat(this.credentials.verify(Purpose.CALLER, none + "." + parts[1] + ".")).isEmpty();
		assertThat(this.credentials.verify(Purpose.CALLER, none + "." + parts[1] + "." + parts[2])).isEmpty();
		assertThat(this.credentials.verify(Purpose.CALLER, rs256 + "." + parts[1] + "." + parts[2])).isEmpty();
		assertThat(this.credentials.verify(Purpose.CALLER, hs512.serialize())).isEmpty();
	}

	@Test
	void aCredentialIsValidUpToItsExpirySecondAndRefusedAfter() {
		String caller = this.credentials.issue(Purpose.CALLER, "call-1", Duration.ofMinutes(1));
		SignedCredentials atExpiry = new SignedCredentials(SECRET, Clock.offset(NOW, Duration.ofSeconds(60)));
		SignedCredentials later = new SignedCredentials(SECRET, Clock.offset(NOW, Duration.ofSeconds(61)));

		assertThat(atExpiry.verify(Purpose.CALLER, caller)).contains("call-1");
		assertThat(later.verify(Purpose.CALLER, caller)).isEmpty();
	}

	@Test
	void garbageIsRefused() {
		assertThat(this.credentials.verify(Purpose.CALLER, "v1.CALLER.x.1.y")).isEmpty();
		assertThat(this.credentials.verify(Purpose.CALLER, "a.b.c")).isEmpty();
		assertThat(this.credentials.verify(Purpose.CALLER, "")).isEmpty();
		assertThat(this.credentials.verify(Purpose.CALLER, "%00")).isEmpty();
		assertThat(this.credentials.verify(Purpose.CALLER, encode("null") + "." + encode("{}") + ".c2ln")).isEmpty();
		assertThat(this.credentials.verify(Purpose.CALLER, null)).isEmpty();
	}

	@Test
	void signedClaimsThatAreNotAnObjectAreRefused() throws Exception {
		MACSigner signer = new MACSigner(Arrays.copyOf(SECRET.getBytes(StandardCharsets.UTF_8), 32));
		for (String claims : new String[] { "null", "[]", "\"alice\"", "{\"purpose\":7,\"sub\":\"alice\"}" }) {
			JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(claims));
			jws.sign(signer);

			assertThat(this.credentials.verify(Purpose.AGENT, jws.serialize())).as(claims).isEmpty();
		}
	}

	@Test
	void aSecretShorterThanSixteenCharactersIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SignedCredentials("fifteen-chars!!", NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> new SignedCredentials(null, NOW));
		assertThat(new SignedCredentials("sixteen-chars!!!", NOW).issue(Purpose.AGENT, "alice", Duration.ofMinutes(1)))
			.isNotBlank();
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String part) {
		return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
	}

}
