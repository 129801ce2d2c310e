package org.callcenter.queue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.queue.QueueClient.Reply;

import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.callcenter.contracts.sessions.SessionEventType.CONNECTION_CREATED;

/**
 * A real OpenTok project whose session-monitoring webhooks do not arrive: callers' pages
 * confirm their own connections so calls go through, pages that are gone end their calls,
 * and the missing webhooks are reported until one arrives.
 */
@TestPropertySource(properties = { "queue.namespace=page-confirmations", "queue.session-monitoring-window=1s",
		"queue.caller-grace-period=2s", "queue.sweep-interval=200ms" })
class PageConfirmationsIT extends QueueServiceTestBase {

	@Test
	void aCallerWhosePageConfirmedItsConnectionCanBeAcceptedAndTheWebhookForItCountsOnce() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");

		assertThat(this.api.confirmConnection(ann.callId(), "page-conn-1").status()).isEqualTo(200);
		assertThat(this.api.callers("alice").ids()).containsExactly(ann.callId());
		assertThat(this.api.accept("alice", ann.callId()).state()).isEqualTo("ON_CALL");
		SessionEvents.publish(
				SessionEvents.connection(CONNECTION_CREATED, sessionId(ann), "page-conn-1", "caller", ann.callId()));
		assertThat(this.api.confirmConnection(ann.callId(), "page-conn-1").status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(ann.callId()).contains(CallEventType.ACCEPTED));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> eventsOf(ann.callId()).stream().filter(CallEventType.CALLER_CONNECTED::equals).count() == 1);
		this.api.end("alice", ann.callId());
	}

	@Test
	void aCallersCredentialCannotConfirmAnotherCallAndAConfirmationForAnEndedCallChangesNothing() {
		Reply ann = this.api.dial("Ann");
		Reply bob = this.api.dial("Bob");

		Map<String, String> annsCredential = this.api.credentialOf(ann.callId());
		assertThat(this.api.confirmConnection(bob.callId(), "forged", annsCredential).status()).isEqualTo(403);
		assertThat(this.api.confirmConnection(bob.callId(), "forged", Map.of()).status()).isEqualTo(401);
		assertThat(this.api.status(bob.callId()).call().get("connected").asBoolean()).isFalse();
		assertThat(this.api.confirmConnection(bob.callId(), "", this.api.credentialOf(bob.callId())).status())
			.isEqualTo(400);

		this.api.leave(ann.callId());
		Reply refused = this.api.confirmConnection(ann.callId(), "late");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("type")).isEqualTo("urn:callcenter:problem:call-ended");
		Reply ended = this.api.status(ann.callId());
		assertThat(ended.state()).isEqualTo("ENDED");
		assertThat(ended.call().get("connected").asBoolean()).isFalse();
		this.api.leave(bob.callId());
	}

	@Test
	void aCallerWhosePageIsGoneWithNoWebhookLeavesAfterTheGracePeriodButOneTheWebhooksKnowStays() {
		this.api.goOnline("alice");
		Reply gone = this.api.dial("Gone");
		Reply known = this.api.dial("Known");
		this.api.confirmConnection(gone.callId(), "gone-conn");
		this.api.confirmConnection(known.callId(), "known-conn");
		SessionEvents.publish(
				SessionEvents.connection(CONNECTION_CREATED, sessionId(known), "known-conn", "caller", known.callId()));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "known-conn".equals(this.redis.<String, String>opsForHash()
				.get(this.properties.keySpace() + ":call:" + known.callId(), "webhookConnectionId")));

		assertThat(this.api.callersAlive(gone.callId(), known.callId()).status()).isEqualTo(204);
		// then both pages stop being reported

		await().atMost(Duration.ofSeconds(20)).until(() -> "ENDED".equals(this.api.status(gone.callId()).state()));
		assertThat(this.api.status(gone.callId()).call().get("endReason").asString()).isEqualTo("callerDisconnected");
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.until(() -> "ASSIGNED".equals(this.api.status(known.callId()).state()));
		this.api.leave(known.callId());
	}

	@Test
	void aReportOfThousandsOfOpenPagesRecordsEveryLiveCallInIt() {
		Reply first = this.api.dial("First");
		Reply last = this.api.dial("Last");
		List<String> reported = new java.util.ArrayList<>();
		reported.add(first.callId());
		for (int i = 0; i < 1_200; i++) {
			reported.add(java.util.UUID.randomUUID().toString());
		}
		reported.add(last.callId());

		assertThat(this.api.callersAlive(reported.toArray(String[]::new)).status()).isEqualTo(204);

		assertThat(this.redis.opsForZSet().score(this.properties.keySpace() + ":callers:seen", first.callId()))
			.isNotNull();
		assertThat(this.redis.opsForZSet().score(this.properties.keySpace() + ":callers:seen", last.callId()))
			.isNotNull();
		assertThat(this.redis.opsForZSet().size(this.properties.keySpace() + ":callers:seen")).isEqualTo(2);
		this.api.leave(first.callId());
		this.api.leave(last.callId());
	}

	@Test
	void callersReportedAliveNeedTheGatewaysIdentity() {
		Reply ann = this.api.dial("Ann");
		assertThat(this.api.send(HttpMethod.PUT, "/api/callers/alive", List.of(ann.callId())).status()).isEqualTo(401);
		assertThat(this.api
			.send(HttpMethod.PUT, "/api/callers/alive", List.of(ann.callId()), this.api.credentialOf(ann.callId()))
			.status()).isEqualTo(401);
		assertThat(this.api.callersAlive("not-a-call-id").status()).isEqualTo(400);
		this.api.leave(ann.callId());
	}

	@Test
	void missingWebhooksShowInHealthAndOnTheConsolesUntilOneArrives() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		this.api.confirmConnection(ann.callId(), "no-webhook-conn");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Reply health = this.api.send(HttpMethod.GET, "/actuator/health", null);
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.body().at("/components/sessionMonitoring/status").asString()).isEqualTo("DEGRADED");
			assertThat(health.body().at("/components/sessionMonitoring/details/problem").asString())
				.contains("not arriving")
				.contains("callback URL");
		});
		Reply notice = this.api.heartbeat("alice");
		assertThat(notice.body().get("callbacksArriving").asBoolean()).isFalse();
		// supervisors see it beside the queue
		Reply queue = this.api.snapshot();
		assertThat(queue.body().at("/sessionMonitoring/callbacksArriving").asBoolean()).isFalse();
		assertThat(queue.body().at("/sessionMonitoring/problem").asString()).contains("not arriving");
		assertThat(queue.body().get("pendingCallIds")).as("the snapshot's own fields").isNotNull();
		assertThat(notice.text("problem")).contains("not arriving");
		assertThat(this.api.send(HttpMethod.GET, "/actuator/metrics/callcenter.session.monitoring.missing", null)
			.body()
			.at("/measurements/0/value")
			.asDouble()).isEqualTo(1.0);

		SessionEvents.publish(SessionEvents.connection(CONNECTION_CREATED, sessionId(ann), "no-webhook-conn", "caller",
				ann.callId()));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.heartbeat("alice").body().get("callbacksArriving").asBoolean());
		assertThat(this.api.snapshot().body().at("/sessionMonitoring/callbacksArriving").asBoolean()).isTrue();
		assertThat(this.api.send(HttpMethod.GET, "/actuator/health", null)
			.body()
			.at("/components/sessionMonitoring/status")
			.asString()).isEqualTo("UP");
		this.api.leave(ann.callId());
	}

	private List<CallEventType> eventsOf(String callId) {
		return CALL_EVENTS.values((event) -> event.callId().equals(callId))
			.stream()
			.distinct()
			.map(CallEvent::type)
			.toList();
	}

}
