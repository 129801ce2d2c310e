package org.callcenter.queue;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.calls.Topics;
import org.callcenter.contracts.sessions.SessionEvent;
import org.callcenter.contracts.sessions.SessionEventType;
import org.callcenter.testsupport.RealKafka;

/**
 * Publishes session events as callback-service does: JSON on the session topic, keyed by
 * session id.
 */
final class SessionEvents {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.shared().bootstrapServers(),
					ProducerConfig.ACKS_CONFIG, "all"),
			new StringSerializer(), new StringSerializer());

	private SessionEvents() {
	}

	static SessionEvent connection(SessionEventType type, String sessionId, String connectionId, String userType,
			String userId) {
		String data = "{\"userId\":\"" + userId + "\",\"userType\":\"" + userType + "\"}";
		return new SessionEvent(UUID.randomUUID().toString(), sessionId, type, connectionId, data, null,
				(type == SessionEventType.CONNECTION_DESTROYED) ? "clientDisconnected" : null,
				System.currentTimeMillis());
	}

	static void publish(SessionEvent event) {
		try {
			PRODUCER
				.send(new ProducerRecord<>(Topics.SESSION_EVENTS, event.sessionId(), JSON.writeValueAsString(event)))
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void publishRaw(String key, String json) {
		try {
			PRODUCER.send(new ProducerRecord<>(Topics.SESSION_EVENTS, key, json)).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
