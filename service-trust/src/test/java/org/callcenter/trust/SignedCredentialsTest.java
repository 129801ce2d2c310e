package org.callcenter.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.callcenter.trust.SignedCredentials.Purpose;

import static org.assertj.core.api.Assertions.assertThat;

class SignedCredentialsTest {

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

	private final SignedCredentials credentials = new SignedCredentials("a-shared-secret-of-some-length", NOW);

	@Test
	void aCredentialNamesItsSubjectForItsPurposeOnly() {
		String agent = this.credentials.issue(Purpose.AGENT, "alice", Duration.ofMinutes(1));

		assertThat(this.credentials.verify(Purpose.AGENT, agent)).contains("alice");
		assertThat(this.credentials.verify(Purpose.CALLER, agent)).isEmpty();
	}

	@Test
	void forgedTamperedAndExpiredCredentialsAreRefused() {
		String caller = this.credentials.issue(Purpose.CALLER, "call-1", Duration.ofMinutes(1));
		SignedCredentials other = new SignedCredentials("another-secret-of-some-length", NOW);
		SignedCredentials later = new SignedCredentials("a-shared-secret-of-some-length",
				Clock.offset(NOW, Duration.ofMinutes(2)));

		assertThat(other.verify(Purpose.CALLER, caller)).isEmpty();
		assertThat(this.credentials.verify(Purpose.CALLER, caller.replace(".Y2FsbC0x.", ".Y2FsbC0y."))).isEmpty();
		assertThat(later.verify(Purpose.CALLER, caller)).isEmpty();
		assertThat(this.credentials.verify(Purpose.CALLER, "v1.CALLER.x.1.y")).isEmpty();
		assertThat(this.credentials.verify(Purpose.CALLER, null)).isEmpty();
	}

}
