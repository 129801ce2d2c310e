package org.callcenter.localinfra;

import java.util.List;

/**
 * A real single-node Kafka broker (KRaft) in this JVM on a free loopback port that anyone
 * on this machine may use without signing in: for tests, which isolate themselves by
 * topic.
 */
public final class PlainKafka implements AutoCloseable {

	private final int port = FreePorts.next();

	private final KraftBroker broker;

	private PlainKafka() {
		int controllerPort = FreePorts.next();
		this.broker = KraftBroker
			.start((home) -> KraftSettings.plaintext(this.port, controllerPort, home.resolve("logs")), List.of());
	}

	public static PlainKafka start() {
		return new PlainKafka();
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		this.broker.close();
	}

}
