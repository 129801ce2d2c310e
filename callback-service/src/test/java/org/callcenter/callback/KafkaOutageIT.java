package org.callcenter.callback;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.callcenter.contracts.calls.Topics;
import org.callcenter.contracts.sessions.SessionEvent;
import org.callcenter.testsupport.KafkaProcess;
import org.callcenter.testsupport.TopicRecorder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While Kafka is down a callback is answered 503, so OpenTok keeps it and retries; once
 * Kafka is back the retried delivery lands exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "callbacks.publish-timeout=4s", "spring.kafka.producer.properties.max.block.ms=3000",
				"spring.kafka.producer.properties.delivery.timeout.ms=3500",
				"spring.kafka.producer.properties.request.timeout.ms=3000" })
@DirtiesContext
class KafkaOutageIT {

	static final KafkaProcess OWN_KAFKA = KafkaProcess.start();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", OWN_KAFKA::bootstrapServers);
	}

	@AfterAll
	static void stopKafka() {
		OWN_KAFKA.stop();
	}

	@Test
	void aCallbackRefusedWhileKafkaIsDownLandsExactlyOnceWhenRetriedAfter() {
		Callbacks callbacks = new Callbacks(this.port);
		String sessionId = "1_outage" + UUID.randomUUID().toString().replace("-", "");
		String body = Callbacks.connection("connectionCreated", sessionId, "c-1", "");
		assertThat(callbacks.post(Callbacks.connection("connectionCreated", "1_warmup", "c-0", ""))).isEqualTo(200);

		OWN_KAFKA.stop();
		int whileDown = callbacks.post(body);
		OWN_KAFKA.startAgain();

		assertThat(whileDown).isEqualTo(503);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> callbacks.post(body) == 200);
		try (TopicRecorder<SessionEvent> topic = new TopicRecorder<>(OWN_KAFKA.bootstrapServers(),
				Topics.SESSION_EVENTS, SessionEvent.class)) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> topic.received().stream().anyMatch((r) -> sessionId.equals(r.key())));
			assertThat(topic.received().stream().filter((r) -> sessionId.equals(r.key()))).hasSize(1);
		}
	}

}
