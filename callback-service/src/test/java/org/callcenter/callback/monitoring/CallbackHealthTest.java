package org.callcenter.callback.monitoring;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.callcenter.callback.system.CallbackProperties;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators see of callbacks whose signature does not match. */
class CallbackHealthTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final CallbackTraffic traffic = new CallbackTraffic(new CallbackProperties("secret", Duration.ofSeconds(10),
			Duration.ofMinutes(5), null, Duration.ofHours(24), Duration.ofMinutes(5)), this.meters);

	private final CallbackHealth health = new CallbackHealth(this.traffic);

	@Test
	void beforeAnyCallbackAllIsWell() {
		assertThat(this.traffic.signatureMismatch()).isFalse();
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void callbacksThatArriveOnlyWithWrongSignaturesAreASignatureMismatchThatNamesTheFix() {
		this.traffic.rejectedSignature();
		this.traffic.rejectedSignature();

		Health health = this.health.health();

		assertThat(health.getStatus()).isEqualTo(CallbackHealth.DEGRADED);
		assertThat(health.getDetails().get("problem").toString()).contains("OPENTOK_SIGNATURE_SECRET");
		assertThat(health.getDetails()).containsEntry("rejectedSignatures", 2L).containsKey("lastRejectedAt");
		assertThat(this.meters.get("callcenter.callbacks.signature.mismatches").counter().count()).isEqualTo(2.0);
	}

	@Test
	void aVerifiedCallbackAfterTheRejectedOnesClearsTheMismatch() {
		this.traffic.rejectedSignature();
		this.traffic.verified();

		assertThat(this.traffic.signatureMismatch()).isFalse();
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.health.health().getDetails()).containsKey("lastVerifiedAt")
			.containsEntry("rejectedSignatures", 1L);
	}

}
