package org.callcenter.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.callcenter.testsupport.RealKafka;
import org.callcenter.testsupport.RealRedis;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several queue-service instances side by side on the shared Redis and Kafka, as in
 * production behind the gateway, each in its own Spring context on a free port, with
 * token-service stood in; for the tests of what holds across instances.
 */
final class QueueServiceInstances implements AutoCloseable {

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final List<QueueClient> clients = new ArrayList<>();

	/**
	 * Starts {@code count} instances in key space {@code namespace}, with
	 * {@code settings} ({@code --name=value}) on top of the wiring.
	 */
	QueueServiceInstances(int count, String namespace, TokenServiceStub tokenService, String... settings) {
		String[] args = Stream
			.concat(Stream.of("--server.port=0", "--queue.namespace=" + namespace,
					"--queue.token-service-urls=" + tokenService.url(), "--queue.internal-secret=" + QueueClient.SECRET,
					"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + RealRedis.shared().port(),
					"--spring.kafka.bootstrap-servers=" + RealKafka.shared().bootstrapServers()), Stream.of(settings))
			.toArray(String[]::new);
		for (int i = 0; i < count; i++) {
			ConfigurableApplicationContext instance = SpringApplication.run(QueueServiceApplication.class, args);
			this.contexts.add(instance);
			String port = instance.getEnvironment().getProperty("local.server.port");
			this.clients.add(new QueueClient("http://127.0.0.1:" + port));
		}
	}

	/** A client of each instance, in the order they started. */
	List<QueueClient> clients() {
		return this.clients;
	}

	/** A bean of the first instance (they share Redis and Kafka). */
	<T> T bean(Class<T> type) {
		return this.contexts.get(0).getBean(type);
	}

	@Override
	public void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

}
