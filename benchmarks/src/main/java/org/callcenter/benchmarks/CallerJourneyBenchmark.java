package org.callcenter.benchmarks;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.launcher.ServiceJars;

/**
 * Walks the caller's journey against the whole suite (every service in its own JVM, real
 * Redis and Kafka, the emulator for OpenTok): dial, read the call, leave; and dials from
 * 8 callers at once. Next to it, in the same run, the floor: a health check of the same
 * service over the same HTTP client. Prints a Markdown table and writes it to
 * {@code benchmarks/target/results.md}.
 *
 * <p>
 * Run from the repository root after {@code ./mvnw -DskipTests package}:
 * {@code java -jar benchmarks/target/benchmarks-*-exec.jar [requests]}; the services'
 * jars are the ones the build copied into {@code benchmarks/target/services}
 * ({@link ServiceJars}).
 */
public final class CallerJourneyBenchmark {

	private static final String INTERNAL_SECRET = BenchmarkSuite.INTERNAL_SECRET;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DIAL = "{\"name\":\"Benchmark caller\",\"reason\":\"load\",\"mode\":\"audioVideo\"}";

	private final QueueServiceClient queue;

	private CallerJourneyBenchmark(String queue) {
		this.queue = new QueueServiceClient(queue, HttpClient.newHttpClient(), INTERNAL_SECRET);
	}

	public static void main(String[] args) throws Exception {
		int requests = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		BenchmarkSuite.run("benchmark", (settings) -> settings,
				(suite) -> new CallerJourneyBenchmark(suite.url("queue-service")).run(requests));
		System.exit(0);
	}

	private void run(int requests) throws Exception {
		measure("warm-up", requests / 2, (i) -> this.queue.get("/actuator/health"));
		measure("warm-up", requests / 2, (i) -> this.queue.dial(DIAL));

		Latencies baseline = measure("baseline: GET /actuator/health", requests,
				(i) -> this.queue.get("/actuator/health"));
		List<JsonNode> calls = new ArrayList<>();
		Latencies dial = measure("dial: POST /api/calls (session + token + assignment)", requests,
				(i) -> calls.add(JSON.readTree(this.queue.dial(DIAL))));
		Latencies status = measure("read call: GET /api/calls/{id}", requests, (i) -> authorized("GET", calls.get(i)));
		Latencies leave = measure("leave: DELETE /api/calls/{id}", requests, (i) -> authorized("DELETE", calls.get(i)));
		Latencies concurrent = concurrently("dial, 8 callers at once", 8, requests);

		List<String> table = new ArrayList<>(
				List.of("| request | count | p50 ms | p95 ms | p99 ms | per second |", "|---|---|---|---|---|---|"));
		for (Latencies row : List.of(baseline, dial, status, leave, concurrent)) {
			table.add(row.row());
		}
		table.add("");
		table.add(String.format("Dial p50 is %.1fx the health-check floor; a call read (one Lua script) is %.1fx.",
				dial.percentile(50) / (double) baseline.percentile(50),
				status.percentile(50) / (double) baseline.percentile(50)));
		String report = "Measured " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
				+ requests + " requests each, sequential unless stated.\n\n" + String.join("\n", table) + "\n";
		System.out.println();
		System.out.println(report);
		Files.createDirectories(Path.of("benchmarks", "target"));
		Files.writeString(Path.of("benchmarks", "target", "results.md"), report);
	}

	private Latencies measure(String name, int count, Step step) throws Exception {
		long[] micros = new long[count];
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long before = System.nanoTime();
			step.run(i);
			micros[i] = (System.nanoTime() - before) / 1000;
		}
		return new Latencies(name, micros, (System.nanoTime() - start) / 1_000_000);
	}

	private Latencies concurrently(String name, int threads, int count) throws Exception {
		ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<Future<?>> work = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			work.add(pool.submit(() -> {
				for (int i = 0; i < count / threads; i++) {
					long before = System.nanoTime();
					this.queue.dial(DIAL);
					micros.add((System.nanoTime() - before) / 1000);
				}
				return null;
			}));
		}
		for (Future<?> done : work) {
			done.get();
		}
		pool.shutdown();
		return new Latencies(name, micros.stream().mapToLong(Long::longValue).toArray(),
				(System.nanoTime() - start) / 1_000_000);
	}

	private String authorized(String method, JsonNode dialed) {
		return this.queue.asCaller(method, dialed.at("/call/id").asString(), dialed.get("callerToken").asString());
	}

	@FunctionalInterface
	private interface Step {

		void run(int index) throws Exception;

	}

}
