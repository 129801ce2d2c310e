package org.callcenter.testsupport;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node Kafka broker in KRaft mode, in this JVM, on a free loopback port.
 * {@link #shared()} is started once per test run; tests isolate themselves by topic or by the ids
 * in the records they look for.
 */
public final class RealKafka implements AutoCloseable {

	private final EmbeddedKafkaKraftBroker broker;

	private RealKafka(int partitions) {
		this.broker = new EmbeddedKafkaKraftBroker(1, partitions);
		this.broker.kafkaPorts(FreePorts.next());
		this.broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions",
				String.valueOf(partitions), "group.initial.rebalance.delay.ms", "0"));
		this.broker.afterPropertiesSet();
	}

	/** The broker every test of this run shares. */
	public static RealKafka shared() {
		return Shared.INSTANCE;
	}

	/** A broker of its own, for a test that stops it. */
	public static RealKafka startNew() {
		return new RealKafka(2);
	}

	public String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	public void stop() {
		this.broker.destroy();
	}

	@Override
	public void close() {
		stop();
	}

	private static final class Shared {

		private static final RealKafka INSTANCE = new RealKafka(4);

		static {
			Runtime.getRuntime().addShutdownHook(new Thread(INSTANCE::stop, "stop-shared-kafka"));
		}

	}

}
