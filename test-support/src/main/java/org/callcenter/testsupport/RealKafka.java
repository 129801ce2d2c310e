package org.callcenter.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.callcenter.localinfra.PlainKafka;

/**
 * A real single-node Kafka broker in KRaft mode, in this JVM, on a free loopback port
 * ({@link PlainKafka}: 4 partitions a topic, topics created on first use).
 * {@link #shared()} is started once per test run; tests isolate themselves by topic or by
 * the ids in the records they look for. A Spring Boot test connects to it with
 * {@code @Import(RealKafkaConnection.class)}.
 */
public final class RealKafka implements AutoCloseable {

	private final PlainKafka broker;

	private RealKafka() {
		this.broker = PlainKafka.start();
	}

	/** The broker every test of this run shares. */
	public static RealKafka shared() {
		return Shared.INSTANCE;
	}

	public String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	/**
	 * Whether a consumer group has committed every record published so far on a topic:
	 * once true, everything sent before the call has been processed.
	 */
	public boolean caughtUp(String groupId, String topic) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
			admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(topic)
				.partitions()
				.forEach((p) -> partitions.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions)
				.all()
				.get(10, TimeUnit.SECONDS);
			return ends.entrySet().stream().allMatch((end) -> {
				OffsetAndMetadata done = committed.get(end.getKey());
				return end.getValue().offset() == 0 || (done != null && done.offset() >= end.getValue().offset());
			});
		}
		catch (Exception ex) {
			return false;
		}
	}

	public void stop() {
		this.broker.close();
	}

	@Override
	public void close() {
		stop();
	}

	private static final class Shared {

		private static final RealKafka INSTANCE = new RealKafka();

		static {
			Runtime.getRuntime().addShutdownHook(new Thread(INSTANCE::stop, "stop-shared-kafka"));
		}

	}

}
