package org.callcenter.queue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.contracts.sessions.SessionEvent;
import org.callcenter.contracts.sessions.SessionEventType;
import org.callcenter.queue.QueueClient.Reply;
import org.callcenter.testsupport.RealKafka;
import org.callcenter.testsupport.TopicRecorder;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.callcenter.contracts.sessions.SessionEventType.CONNECTION_CREATED;
import static org.callcenter.contracts.sessions.SessionEventType.CONNECTION_DESTROYED;

/**
 * OpenTok connection events from Kafka drive the calls; repeated and out-of-order
 * deliveries change nothing twice.
 */
@TestPropertySource(
		properties = { "queue.namespace=session-events", "queue.caller-grace-period=3s", "queue.sweep-interval=200ms" })
class SessionEventsIT extends QueueServiceTestBase {

	@Test
	void aRepeatedConnectionCreatedMakesTheCallerVisibleOnce() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		SessionEvent created = SessionEvents.connection(CONNECTION_CREATED, sessionId(ann), "c-1", "caller",
				ann.callId());

		SessionEvents.publish(created);
		SessionEvents.publish(created);
		SessionEvents
			.publish(SessionEvents.connection(CONNECTION_CREATED, sessionId(ann), "c-1", "caller", ann.callId())); // the
																													// same
																													// callback
																													// under
																													// another
																													// id

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.api.callers("alice").ids()).containsExactly(ann.callId()));
		awaitProcessed(ann);
		assertThat(typesOf(ann.callId())).containsOnlyOnce(CallEventType.CALLER_CONNECTED);
	}

	@Test
	void theCallersLostConnectionKeepsTheCallForTheGracePeriodThenEndsIt() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		connectCaller(ann);

		SessionEvents.publish(SessionEvents.connection(CONNECTION_DESTROYED, sessionId(ann), "conn-" + ann.callId(),
				"caller", ann.callId()));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> !this.api.status(ann.callId()).call().path("reconnectBy").isNull());
		assertThat(this.api.status(ann.callId()).state()).isEqualTo("ASSIGNED");
		assertThat(this.api.callers("alice").ids()).containsExactly(ann.callId());
		Reply refused = this.api.accept("alice", ann.callId());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("type")).isEqualTo("urn:callcenter:problem:caller-reconnecting");
		await().atMost(Duration.ofSeconds(20)).until(() -> "ENDED".equals(this.api.status(ann.callId()).state()));
		assertThat(this.api.status(ann.callId()).call().get("endReason").asString()).isEqualTo("callerDisconnected");
		assertThat(this.api.callers("alice").ids()).isEmpty();
		assertThat(typesOf(ann.callId())).containsSubsequence(CallEventType.CALLER_DISCONNECTED, CallEventType.ENDED);
	}

	@Test
	void aCallerWhoComesBackWithinTheGracePeriodKeepsItsPlaceInLine() {
		this.api.goOffline("alice"); // nobody to take callers: they wait in line
		Reply ann = this.api.dial("Ann");
		Reply bob = this.api.dial("Bob");
		connectCaller(ann);
		connectCaller(bob);
		int place = this.api.status(ann.callId()).call().get("queuePosition").asInt();
		assertThat(this.api.status(bob.callId()).call().get("queuePosition").asInt()).isEqualTo(place + 1);

		SessionEvents.publish(SessionEvents.connection(CONNECTION_DESTROYED, sessionId(ann), "conn-" + ann.callId(),
				"caller", ann.callId()));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !this.api.status(ann.callId()).call().path("reconnectBy").isNull());
		SessionEvents.publish(SessionEvents.connection(CONNECTION_CREATED, sessionId(ann), "reloaded-" + ann.callId(),
				"caller", ann.callId()));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.status(ann.callId()).call().path("reconnectBy").isNull());
		await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> {
			Reply status = this.api.status(ann.callId());
			return "WAITING".equals(status.state()) && status.call().get("queuePosition").asInt() == place;
		});
		assertThat(typesOf(ann.callId())).containsSubsequence(CallEventType.CALLER_DISCONNECTED,
				CallEventType.CALLER_CONNECTED);
		this.api.leave(ann.callId());
		this.api.leave(bob.callId());
	}

	@Test
	void theOldConnectionsDestroyedAfterTheCallerCameBackChangesNothing() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		connectCaller(ann);
		SessionEvents.publish(SessionEvents.connection(CONNECTION_CREATED, sessionId(ann), "second-" + ann.callId(),
				"caller", ann.callId()));

		SessionEvents.publish(SessionEvents.connection(CONNECTION_DESTROYED, sessionId(ann), "conn-" + ann.callId(),
				"caller", ann.callId()));

		awaitProcessed(ann);
		assertThat(this.api.status(ann.callId()).call().path("reconnectBy").isNull()).isTrue();
		assertThat(this.api.status(ann.callId()).state()).isEqualTo("ASSIGNED");
	}

	@Test
	void aDestroyedArrivingBeforeItsCreatedEndsTheCallForGood() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");

		SessionEvents
			.publish(SessionEvents.connection(CONNECTION_DESTROYED, sessionId(ann), "c-1", "caller", ann.callId()));
		SessionEvents
			.publish(SessionEvents.connection(CONNECTION_CREATED, sessionId(ann), "c-1", "caller", ann.callId()));

		await().atMost(Duration.ofSeconds(20)).until(() -> "ENDED".equals(this.api.status(ann.callId()).state()));
		awaitProcessed(ann);
		assertThat(this.api.status(ann.callId()).call().get("connected").asBoolean()).isFalse();
	}

	@Test
	void theAgentsConnectionDestroyedPutsTheCallOnHoldAndTheCallerStays() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		connectCaller(ann);
		this.api.accept("alice", ann.callId());
		SessionEvents.publish(SessionEvents.connection(CONNECTION_CREATED, sessionId(ann), "a-1", "agent", "alice"));

		SessionEvents.publish(SessionEvents.connection(CONNECTION_DESTROYED, sessionId(ann), "a-1", "agent", "alice"));

		await().atMost(Duration.ofSeconds(20)).until(() -> "ON_HOLD".equals(this.api.status(ann.callId()).state()));
		assertThat(this.api.callers("alice").ids()).containsExactly(ann.callId());
		assertThat(this.api.resume("alice", ann.callId()).state()).isEqualTo("ON_CALL");
	}

	@Test
	void aStaleAgentConnectionDestroyedDoesNotHoldTheResumedCall() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		connectCaller(ann);
		this.api.accept("alice", ann.callId());
		SessionEvents.publish(SessionEvents.connection(CONNECTION_CREATED, sessionId(ann), "a-2", "agent", "alice"));

		SessionEvents.publish(SessionEvents.connection(CONNECTION_DESTROYED, sessionId(ann), "a-1", "agent", "alice"));

		awaitProcessed(ann);
		assertThat(this.api.status(ann.callId()).state()).isEqualTo("ON_CALL");
	}

	@Test
	void eventsOfUnknownSessionsStreamsAndForeignTokensChangeNothing() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		SessionEvents.publish(SessionEvents.connection(CONNECTION_CREATED, "1_unknown", "x", "caller", ann.callId()));
		SessionEvents.publish(new SessionEvent("e-stream", sessionId(ann), SessionEventType.STREAM_CREATED, "c-1",
				"{\"userId\":\"" + ann.callId() + "\",\"userType\":\"caller\"}", "s-1", null, 0));
		SessionEvents.publish(
				new SessionEvent("e-foreign", sessionId(ann), CONNECTION_CREATED, "c-1", "not json", null, null, 0));
		SessionEvents.publishRaw(sessionId(ann), "{ this is not an event");

		awaitProcessed(ann);
		assertThat(this.api.status(ann.callId()).call().get("connected").asBoolean()).isFalse();
		try (TopicRecorder<String> deadLetters = new TopicRecorder<>(RealKafka.shared().bootstrapServers(),
				Topics.SESSION_EVENTS + "-dlt", String.class)) {
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(
						() -> assertThat(deadLetters.values((value) -> true)).contains("{ this is not an event"));
		}
	}

	private void awaitProcessed(Reply call) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> RealKafka.shared()
				.caughtUp("queue-service-" + this.properties.namespace(), Topics.SESSION_EVENTS));
	}

	private java.util.List<CallEventType> typesOf(String callId) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !CALL_EVENTS.values((event) -> event.callId().equals(callId)).isEmpty());
		return CALL_EVENTS.values((event) -> event.callId().equals(callId))
			.stream()
			.distinct()
			.map(CallEvent::type)
			.toList();
	}

}
