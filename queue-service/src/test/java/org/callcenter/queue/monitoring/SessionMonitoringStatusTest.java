package org.callcenter.queue.monitoring;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.callcenter.queue.monitoring.SessionMonitoring.Status;
import org.callcenter.queue.store.SessionMonitoringState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the call center says OpenTok's session-monitoring webhooks are missing, and what
 * it tells the operator.
 */
class SessionMonitoringStatusTest {

	private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

	@Test
	void withNoConnectionEverMissingItsWebhookCallbacksAreArriving() {
		assertThat(state(null, null).callbacksArriving()).isTrue();
		assertThat(state(T, null).callbacksArriving()).isTrue();
	}

	@Test
	void aConnectionThatGotNoWebhookMeansCallbacksAreMissing() {
		assertThat(state(null, T).callbacksArriving()).isFalse();
		assertThat(state(T.minusSeconds(60), T).callbacksArriving()).as("the last webhook came before").isFalse();
	}

	@Test
	void aWebhookAfterTheMissedConnectionMeansTheyArriveAgain() {
		assertThat(state(T.plusMillis(1), T).callbacksArriving()).isTrue();
	}

	@Test
	void whileMissingTheStatusNamesTheWindowAndWhatToCheck() {
		Status missing = Status.of(state(null, T), Duration.ofSeconds(30));

		assertThat(missing.callbacksArriving()).isFalse();
		assertThat(missing.detail()).contains("within 30 s", "callback URL", "OPENTOK_SIGNATURE_SECRET");
		assertThat(Status.of(state(null, null), Duration.ofSeconds(30)).detail()).isNull();
	}

	private static SessionMonitoringState state(Instant lastWebhookAt, Instant missedAt) {
		return new SessionMonitoringState(0, lastWebhookAt, missedAt, 0);
	}

}
