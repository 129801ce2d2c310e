package org.callcenter.queue;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.contracts.sessions.SessionEventType;
import org.callcenter.testsupport.RealKafka;
import org.callcenter.testsupport.RealKafkaConnection;
import org.callcenter.testsupport.RealRedisConnection;
import org.callcenter.testsupport.TopicRecorder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * queue-service on a real Redis and a real Kafka (KRaft), with token-service stood in at
 * its HTTP contract. Each test class names its own {@code queue.namespace}, so cached
 * contexts never share keys; each test starts from an empty namespace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ RealRedisConnection.class, RealKafkaConnection.class })
abstract class QueueServiceTestBase {

	static final TokenServiceStub TOKEN_SERVICE = new TokenServiceStub();

	static final TopicRecorder<CallEvent> CALL_EVENTS = new TopicRecorder<>(RealKafka.shared().bootstrapServers(),
			Topics.CALL_EVENTS, CallEvent.class);

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	QueueProperties properties;

	QueueClient api;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("queue.token-service-urls", TOKEN_SERVICE::url);
		registry.add("queue.internal-secret", () -> QueueClient.SECRET);
	}

	@BeforeEach
	void startFromEmptyQueue() {
		Set<String> keys = this.redis.keys(this.properties.keySpace() + "*");
		if (keys != null && !keys.isEmpty()) {
			this.redis.delete(keys);
		}
		TOKEN_SERVICE.failing(false);
		this.api = new QueueClient("http://127.0.0.1:" + this.port);
	}

	/**
	 * The caller's browser connects to its session, as OpenTok reports it through
	 * callback-service.
	 */
	void connectCaller(QueueClient.Reply dialed) {
		SessionEvents.publish(SessionEvents.connection(SessionEventType.CONNECTION_CREATED, sessionId(dialed),
				"conn-" + dialed.callId(), "caller", dialed.callId()));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.status(dialed.callId()).call().get("connected").asBoolean());
	}

	static String sessionId(QueueClient.Reply dialed) {
		return dialed.body().at("/session/sessionId").asString();
	}

}
