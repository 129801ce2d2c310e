package org.callcenter.callback;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.callcenter.contracts.calls.Topics;
import org.callcenter.contracts.sessions.SessionEvent;
import org.callcenter.contracts.sessions.SessionEventType;
import org.callcenter.testsupport.RealKafka;
import org.callcenter.testsupport.RealKafkaConnection;
import org.callcenter.testsupport.TopicRecorder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each session-monitoring event type, as OpenTok sends it, lands on Kafka keyed by its
 * session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealKafkaConnection.class)
class CallbackRoundTripIT {

	static final TopicRecorder<SessionEvent> TOPIC = new TopicRecorder<>(RealKafka.shared().bootstrapServers(),
			Topics.SESSION_EVENTS, SessionEvent.class);

	@LocalServerPort
	int port;

	@Test
	void connectionAndStreamEventsRoundTripWithTheirKeyAndFields() {
		String sessionId = "1_MX4" + UUID.randomUUID().toString().replace("-", "");
		Callbacks callbacks = new Callbacks(this.port);
		String data = "{\"userId\":\"call-1\",\"userType\":\"caller\"}";

		assertThat(callbacks.post(Callbacks.connection("connectionCreated", sessionId, "c-1", data))).isEqualTo(200);
		assertThat(callbacks.post(Callbacks.stream("streamCreated", sessionId, "s-1", "c-1"))).isEqualTo(200);
		assertThat(callbacks.post(Callbacks.stream("streamDestroyed", sessionId, "s-1", "c-1"))).isEqualTo(200);
		assertThat(callbacks.post(Callbacks.connection("connectionDestroyed", sessionId, "c-1", data))).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).until(() -> recorded(sessionId).size() == 4);
		List<TopicRecorder.Received<SessionEvent>> records = recorded(sessionId);
		assertThat(records).allSatisfy((record) -> assertThat(record.key()).isEqualTo(sessionId));
		assertThat(records).extracting((r) -> r.value().type())
			.containsExactly(SessionEventType.CONNECTION_CREATED, SessionEventType.STREAM_CREATED,
					SessionEventType.STREAM_DESTROYED, SessionEventType.CONNECTION_DESTROYED);
		SessionEvent created = records.get(0).value();
		assertThat(created.connectionId()).isEqualTo("c-1");
		assertThat(created.connectionData()).isEqualTo(data);
		assertThat(created.timestamp()).isEqualTo(1700000000123L);
		assertThat(created.reason()).isNull();
		assertThat(records.get(1).value().streamId()).isEqualTo("s-1");
		assertThat(records.get(3).value().reason()).isEqualTo("clientDisconnected");
		assertThat(records).extracting((r) -> r.value().eventId()).doesNotHaveDuplicates();
	}

	@Test
	void aRepeatedDeliveryCarriesTheSameEventIdSoConsumersDropIt() {
		String sessionId = "1_MX4" + UUID.randomUUID().toString().replace("-", "");
		Callbacks callbacks = new Callbacks(this.port);
		String body = Callbacks.connection("connectionCreated", sessionId, "c-9", "");

		callbacks.post(body);
		callbacks.post(body);

		await().atMost(Duration.ofSeconds(20)).until(() -> recorded(sessionId).size() == 2);
		assertThat(recorded(sessionId)).extracting((r) -> r.value().eventId())
			.containsOnly(recorded(sessionId).get(0).value().eventId());
	}

	@Test
	void sessionEventsTheCallCenterDoesNotUseAreAcknowledgedNotPublished() {
		String sessionId = "1_MX4" + UUID.randomUUID().toString().replace("-", "");
		Callbacks callbacks = new Callbacks(this.port);

		assertThat(callbacks.post(Callbacks.session("sessionCreated", sessionId))).isEqualTo(200);
		assertThat(callbacks.post(Callbacks.session("sessionDestroyed", sessionId))).isEqualTo(200);
		assertThat(callbacks.post(Callbacks.connection("connectionCreated", sessionId, "marker", ""))).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).until(() -> recorded(sessionId).size() == 1);
		assertThat(recorded(sessionId).get(0).value().connectionId()).isEqualTo("marker");
	}

	private static List<TopicRecorder.Received<SessionEvent>> recorded(String sessionId) {
		return TOPIC.received().stream().filter((r) -> sessionId.equals(r.key())).toList();
	}

}
