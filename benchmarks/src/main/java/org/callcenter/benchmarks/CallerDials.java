package org.callcenter.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls made ahead of a phase that needs them (straight to queue-service, as the gateway
 * forwards dials), and ended after it, so that they leave nothing behind in the queue.
 */
final class CallerDials {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int CONNECTIONS = 16;

	private static final Duration SETTLE = Duration.ofSeconds(2);

	private CallerDials() {
	}

	/** {@code count} new calls, in the order they were made. */
	static List<Dialed> dial(URI queueService, byte[] dialRequest, int count) {
		Dialed[] calls = new Dialed[count];
		AtomicInteger next = new AtomicInteger();
		inParallel((connection) -> {
			for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
				HttpConnection.Response answer = connection.send(dialRequest);
				if (answer.status() != 201) {
					throw new IllegalStateException("a dial was answered " + answer.status() + ": " + answer.text());
				}
				calls[i] = Dialed.of(answer);
			}
		}, queueService);
		return List.of(calls);
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull() || node.isMissingNode()) ? "" : node.asString();
	}

	/**
	 * Each caller leaves its call; then a pause, so that the events of the ended calls
	 * have gone through Kafka before the next phase starts.
	 */
	static void leave(URI queueService, List<Dialed> calls) {
		AtomicInteger next = new AtomicInteger();
		inParallel((connection) -> {
			for (int i = next.getAndIncrement(); i < calls.size(); i = next.getAndIncrement()) {
				Dialed call = calls.get(i);
				connection.send(HttpConnection.request("DELETE", queueService, "/api/calls/" + call.callId(),
						Map.of("Authorization", "Bearer " + call.callerToken()), null));
			}
		}, queueService);
		try {
			Thread.sleep(SETTLE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void inParallel(Work work, URI base) {
		CountDownLatch done = new CountDownLatch(CONNECTIONS);
		List<RuntimeException> failures = new ArrayList<>();
		for (int c = 0; c < CONNECTIONS; c++) {
			new Thread(() -> {
				try (HttpConnection connection = new HttpConnection(base)) {
					work.run(connection);
				}
				catch (IOException | RuntimeException ex) {
					synchronized (failures) {
						failures.add(new IllegalStateException(ex));
					}
				}
				finally {
					done.countDown();
				}
			}, "caller-dials").start();
		}
		ClosedLoop.await(done);
		if (!failures.isEmpty()) {
			throw failures.get(0);
		}
	}

	@FunctionalInterface
	private interface Work {

		void run(HttpConnection connection) throws IOException;

	}

	/** The calls these answers to dials made, each ended by its caller. */
	static void leave(URI queueService, Collection<HttpConnection.Response> dials) {
		leave(queueService, dials.stream().filter((answer) -> answer.status() == 201).map(Dialed::of).toList());
	}

	/** A call made, and what its caller holds. */
	record Dialed(String callId, String sessionId, String agentId, String callerToken) {

		static Dialed of(HttpConnection.Response dial) {
			JsonNode dialed = JSON.readTree(dial.body());
			return new Dialed(dialed.at("/call/id").asString(), dialed.at("/call/sessionId").asString(),
					text(dialed.at("/call/agentId")), dialed.get("callerToken").asString());
		}

	}

}
