package org.callcenter.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every record of a topic from its beginning, read as JSON into {@code type} (or
 * kept as text when {@code type} is String), on a background thread, so a test can await
 * what a service published.
 */
public final class TopicRecorder<T> implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final KafkaConsumer<String, String> consumer;

	private final List<Received<T>> received = new CopyOnWriteArrayList<>();

	private final Thread poller;

	private volatile boolean open = true;

	public TopicRecorder(String bootstrapServers, String topic, Class<T> type) {
		this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, type);
	}

	/**
	 * On a broker that wants more than an address: {@code client} holds bootstrap servers
	 * and sign-in.
	 */
	public TopicRecorder(Map<String, Object> client, String topic, Class<T> type) {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "recorder-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
		this.consumer.subscribe(List.of(topic));
		this.poller = new Thread(() -> poll(type), "recorder-" + topic);
		this.poller.setDaemon(true);
		this.poller.start();
	}

	private void poll(Class<T> type) {
		try {
			while (this.open) {
				for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(200))) {
					T value = (type == String.class) ? type.cast(record.value()) : JSON.readValue(record.value(), type);
					Map<String, String> headers = new HashMap<>();
					for (Header header : record.headers()) {
						headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
					}
					this.received
						.add(new Received<>(record.key(), value, record.partition(), record.offset(), headers));
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close();
		}
	}

	/** Every record received so far, in arrival order. */
	public List<Received<T>> received() {
		return List.copyOf(this.received);
	}

	/** The values received so far that match, in arrival order. */
	public List<T> values(Predicate<T> filter) {
		return this.received.stream().map(Received::value).filter(filter).toList();
	}

	@Override
	public void close() {
		this.open = false;
		this.consumer.wakeup();
	}

	/**
	 * One record; {@code headers} has the last value of each header (trace context, for
	 * example) as text.
	 */
	public record Received<T>(String key, T value, int partition, long offset, Map<String, String> headers) {
	}

}
