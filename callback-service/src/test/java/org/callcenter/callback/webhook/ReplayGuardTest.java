package org.callcenter.callback.webhook;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.callcenter.callback.system.CallbackProperties;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayGuardTest {

	@Test
	void aSignedCallbackAcceptedOnceIsKnownWhenItComesAgain() {
		ReplayGuard guard = new ReplayGuard(properties(Duration.ofHours(24)));

		guard.accepted("jti-1");

		assertThat(guard.alreadyAccepted("jti-1")).isTrue();
		assertThat(guard.alreadyAccepted("jti-2")).isFalse();
	}

	@Test
	void unsignedCallbacksCarryNoIdAndAreNeverTakenForReplays() {
		ReplayGuard guard = new ReplayGuard(properties(Duration.ofHours(24)));

		guard.accepted(null);

		assertThat(guard.alreadyAccepted(null)).isFalse();
	}

	@Test
	void anIdIsRememberedOnlyWhileItsSignatureCountsAsFresh() {
		// past its freshness a signature is refused anyway, so there is nothing left to
		// remember
		ReplayGuard guard = new ReplayGuard(properties(Duration.ZERO));

		guard.accepted("jti-1");

		assertThat(guard.alreadyAccepted("jti-1")).isFalse();
	}

	private static CallbackProperties properties(Duration freshness) {
		return new CallbackProperties("secret", Duration.ofSeconds(10), Duration.ofMinutes(5), null, freshness,
				Duration.ofMinutes(5));
	}

}
