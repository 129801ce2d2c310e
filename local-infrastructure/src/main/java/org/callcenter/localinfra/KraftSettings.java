package org.callcenter.localinfra;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Settings of a single-node Kafka cluster in KRaft mode on 127.0.0.1 (one node, broker
 * and controller at once), shared by the brokers in this JVM ({@link PlainKafka},
 * {@link SecuredKafka}) and by brokers run as a process of their own: topics are created
 * on first use with 4 partitions, internal topics have the one replica there is, and a
 * new consumer group starts at once.
 */
public final class KraftSettings {

	private KraftSettings() {
	}

	/**
	 * A broker anyone on this machine may use without signing in: one PLAINTEXT listener
	 * on {@code port}.
	 */
	public static Properties plaintext(int port, int controllerPort, Path logDirectory) {
		Properties config = singleNode(controllerPort, logDirectory);
		config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		config.put("inter.broker.listener.name", "PLAINTEXT");
		config.put("controller.listener.names", "CONTROLLER");
		return config;
	}

	/** Everything but the listeners and their security. */
	static Properties singleNode(int controllerPort, Path logDirectory) {
		Properties config = new Properties();
		config.put("process.roles", "broker,controller");
		config.put("node.id", "1");
		config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		config.put("log.dirs", logDirectory.toString());
		config.put("offsets.topic.replication.factor", "1");
		config.put("transaction.state.log.replication.factor", "1");
		config.put("transaction.state.log.min.isr", "1");
		config.put("num.partitions", "4");
		config.put("auto.create.topics.enable", "true");
		config.put("group.initial.rebalance.delay.ms", "0");
		// sized for one machine's call center, not a data center's cluster: Kafka's
		// defaults
		// gave the committed-offsets topic 50 partitions, its log cleaner a 128 MB buffer
		// and the broker 8 request threads and 10 background threads, a large share of
		// the
		// whole local stack's idle memory (docs/benchmarks.md, start-up)
		config.put("offsets.topic.num.partitions", "4");
		config.put("transaction.state.log.num.partitions", "4");
		config.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
		config.put("num.io.threads", "2");
		config.put("num.network.threads", "2");
		config.put("background.threads", "2");
		return config;
	}

}
