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
		return config;
	}

}
