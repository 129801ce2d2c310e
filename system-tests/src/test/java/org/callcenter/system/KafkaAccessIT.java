package org.callcenter.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.localinfra.SecuredKafka;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker the suite runs on (the one {@code ./run} starts) as someone who reaches its
 * port without the call center's password sees it: nothing to read, nothing accepted, in
 * particular no session id and no forged {@code CONNECTION_DESTROYED}. And the call
 * center's own principal can do what the services do and nothing more. That the services
 * work on it is shown by every other system test, which runs on this same broker.
 */
class KafkaAccessIT {

	static final SecuredKafka KAFKA = RunningSuite.kafka();

	/**
	 * A topic under the call center's prefix that holds a record, as the real topics do.
	 */
	static final String TOPIC = "callcenter.access-test-" + UUID.randomUUID();

	@BeforeAll
	static void aRecordIsThere() throws Exception {
		RunningSuite.get();
		try (KafkaProducer<String, String> producer = producer(KAFKA.adminProperties())) {
			producer.send(new ProducerRecord<>(TOPIC, "session-1", "{\"sessionId\":\"secret-session\"}"))
				.get(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void aClientWithoutCredentialsReadsNothing() {
		Map<String, Object> anonymous = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
		try (KafkaConsumer<String, String> consumer = consumer(anonymous, "queue-service-intruder")) {
			consumer.subscribe(List.of(TOPIC, Topics.SESSION_EVENTS, Topics.CALL_EVENTS));
			long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
			int received = 0;
			while (System.nanoTime() < deadline) {
				received += pollQuietly(consumer).count();
			}
			assertThat(received).isZero();
		}
	}

	@Test
	void aClientWithoutCredentialsCannotForgeASessionEvent() {
		Map<String, Object> anonymous = new HashMap<>(
				Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()));
		anonymous.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
		try (KafkaProducer<String, String> producer = producer(anonymous)) {
			assertThatThrownBy(() -> producer
				.send(new ProducerRecord<>(Topics.SESSION_EVENTS, "forged-session",
						"{\"type\":\"CONNECTION_DESTROYED\"}"))
				.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
		}
	}

	@Test
	void theCallCentersUserWithAWrongPasswordIsRefused() {
		Map<String, Object> wrong = KAFKA.clientProperties(SecuredKafka.SERVICES, "not-the-password");
		try (Admin admin = Admin.create(timeouts(wrong))) {
			assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
				.hasCauseInstanceOf(SaslAuthenticationException.class);
		}
		try (KafkaConsumer<String, String> consumer = consumer(wrong, "queue-service-intruder")) {
			consumer.subscribe(List.of(TOPIC));
			assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
				.isInstanceOf(SaslAuthenticationException.class);
		}
		try (Admin admin = Admin.create(timeouts(KAFKA.clientProperties(SecuredKafka.ADMIN, "guessed-admin")))) {
			assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
				.hasCauseInstanceOf(SaslAuthenticationException.class);
		}
	}

	@Test
	void theCallCentersUserReadsItsOwnTopicsInItsOwnGroupsAndNothingElse() throws Exception {
		Map<String, Object> services = services();
		try (KafkaConsumer<String, String> consumer = consumer(services, "queue-service-access-test")) {
			consumer.subscribe(List.of(TOPIC));
			assertThat(pollUntilSomething(consumer).iterator().next().value()).contains("secret-session");
		}
		try (KafkaConsumer<String, String> consumer = consumer(services, "someone-elses-group")) {
			consumer.subscribe(List.of(TOPIC));
			assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
				.isInstanceOf(GroupAuthorizationException.class);
		}
		try (KafkaProducer<String, String> producer = producer(services)) {
			assertThatThrownBy(
					() -> producer.send(new ProducerRecord<>("payroll.salaries", "k", "v")).get(30, TimeUnit.SECONDS))
				.hasCauseInstanceOf(TopicAuthorizationException.class);
		}
		try (Admin admin = Admin.create(timeouts(services))) {
			assertThatThrownBy(() -> admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS))
				.hasCauseInstanceOf(ClusterAuthorizationException.class);
		}
	}

	private static Map<String, Object> services() {
		return KAFKA.clientProperties(SecuredKafka.SERVICES, KAFKA.servicesPassword());
	}

	private static ConsumerRecords<String, String> pollUntilSomething(KafkaConsumer<String, String> consumer) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
			if (!records.isEmpty()) {
				return records;
			}
		}
		throw new AssertionError("the call center's user read nothing from " + TOPIC);
	}

	/**
	 * A client that never got past the SASL handshake sees only empty polls (or a closed
	 * connection).
	 */
	private static ConsumerRecords<String, String> pollQuietly(KafkaConsumer<String, String> consumer) {
		try {
			return consumer.poll(Duration.ofMillis(500));
		}
		catch (RuntimeException ex) {
			return ConsumerRecords.empty();
		}
	}

	private static Map<String, Object> timeouts(Map<String, Object> client) {
		Map<String, Object> config = new HashMap<>(client);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20000);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
		return config;
	}

	private static KafkaConsumer<String, String> consumer(Map<String, Object> client, String group) {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
	}

	private static KafkaProducer<String, String> producer(Map<String, Object> client) {
		Map<String, Object> config = new HashMap<>(client);
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

}
