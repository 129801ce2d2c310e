package org.callcenter.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.callcenter.launcher.Suite;
import org.callcenter.launcher.SuiteSettings;
import org.callcenter.localinfra.FreePorts;
import org.callcenter.localinfra.LocalRedis;
import org.callcenter.localinfra.SecuredKafka;

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

	private static final String INTERNAL_SECRET = "benchmark-internal-secret";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DIAL = "{\"name\":\"Benchmark caller\",\"reason\":\"load\",\"mode\":\"audioVideo\"}";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String queue;

	private CallerJourneyBenchmark(String queue) {
		this.queue = queue;
	}

	public static void main(String[] args) throws Exception {
		int requests = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		LocalRedis redis = LocalRedis.ephemeral(FreePorts.next());
		// the broker ./run uses (SASL/SCRAM, ACLs), so the numbers are those of a real
		// local run
		SecuredKafka kafka = SecuredKafka.start(SecuredKafka.randomPassword());
		SuiteSettings settings = new SuiteSettings(redis.host(), redis.port(), SuiteSettings.Kafka.servicesOf(kafka),
				SuiteSettings.Ports.free(), SuiteSettings.OpenTok.emulator(), "benchmark", INTERNAL_SECRET);
		try (Suite suite = Suite.start(settings, ServiceJars.locate(), Path.of("benchmarks", "target", "logs"))) {
			new CallerJourneyBenchmark(suite.url("queue-service")).run(requests);
		}
		finally {
			kafka.close();
			redis.stop();
		}
		System.exit(0);
	}

	private void run(int requests) throws Exception {
		measure("warm-up", requests / 2, (i) -> get("/actuator/health"));
		measure("warm-up", requests / 2, (i) -> post("/api/calls", DIAL));

		Latencies baseline = measure("baseline: GET /actuator/health", requests, (i) -> get("/actuator/health"));
		List<JsonNode> calls = new ArrayList<>();
		Latencies dial = measure("dial: POST /api/calls (session + token + assignment)", requests,
				(i) -> calls.add(JSON.readTree(post("/api/calls", DIAL))));
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
					post("/api/calls", DIAL);
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

	private String get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.queue + path)).GET().build(), 200);
	}

	/** Straight to queue-service, signed as the gateway signs the dials it forwards. */
	private String post(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.queue + path))
			.header("Content-Type", "application/json")
			.header(org.callcenter.trust.SignedCredentials.SERVICE_HEADER,
					new org.callcenter.trust.SignedCredentials(INTERNAL_SECRET, java.time.Clock.systemUTC()).issue(
							org.callcenter.trust.SignedCredentials.Purpose.SERVICE, "gateway",
							java.time.Duration.ofMinutes(1)))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), 201);
	}

	private String authorized(String method, JsonNode dialed) {
		return send(HttpRequest.newBuilder(URI.create(this.queue + "/api/calls/" + dialed.at("/call/id").asString()))
			.header("Authorization", "Bearer " + dialed.get("callerToken").asString())
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), 200);
	}

	private String send(HttpRequest request, int expected) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(
						request.uri() + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	private interface Step {

		void run(int index) throws Exception;

	}

}
