package org.callcenter.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

/**
 * Dial and leave latency with a crowd of waiting callers, each with its event stream open
 * at the gateway, as their pages hold it: first 100, then 10,000 (or as given), in one
 * run. Each step dials a new caller at the end of the line and then has a random waiting
 * caller leave, which moves everyone behind it: each such move is one notice to every
 * open stream (the pages work out their place from it, without reading their call). The
 * crowd keeps its size: the new caller's stream opens, the leaver's closes.
 *
 * <p>
 * Run from the repository root after {@code ./mvnw -DskipTests package}, with the connect
 * timeout raised (the crowd's callers never connect to OpenTok):
 * {@code CALLER_CONNECT_TIMEOUT=1h java -cp benchmarks/target/benchmarks-*-exec.jar
 * -Dloader.main=org.callcenter.benchmarks.WaitingCrowdBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [crowd] [steps] [steps per second]}.
 * Needs about two file descriptors per waiting caller (one in this process, one in the
 * gateway). Writes {@code benchmarks/target/crowd-results.md}.
 */
public final class WaitingCrowdBenchmark {

	private static final String INTERNAL_SECRET = BenchmarkSuite.INTERNAL_SECRET;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DIAL = "{\"name\":\"Waiting caller\",\"reason\":\"load\",\"mode\":\"audioVideo\"}";

	private final SignedCredentials credentials = new SignedCredentials(INTERNAL_SECRET, Clock.systemUTC());

	/** The event streams: one connection each, as each page holds one. */
	private final HttpClient streams = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final QueueServiceClient queue;

	private final String gateway;

	private final List<String> waiting = new ArrayList<>();

	private final Map<String, Flow.Subscription> open = new ConcurrentHashMap<>();

	private final AtomicLong ready = new AtomicLong();

	private final AtomicLong queueNotices = new AtomicLong();

	private WaitingCrowdBenchmark(String queue, String gateway) {
		this.queue = new QueueServiceClient(queue, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
				INTERNAL_SECRET);
		this.gateway = gateway;
	}

	public static void main(String[] args) throws Exception {
		int crowd = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int steps = (args.length > 1) ? Integer.parseInt(args[1]) : 300;
		double rate = (args.length > 2) ? Double.parseDouble(args[2]) : 10;
		BenchmarkSuite.run("crowd", (settings) -> settings,
				(suite) -> new WaitingCrowdBenchmark(suite.url("queue-service"), suite.gatewayUrl()).run(crowd, steps,
						rate));
		System.exit(0);
	}

	private void run(int crowd, int steps, double rate) throws Exception {
		List<String> table = new ArrayList<>(List.of(
				"| waiting callers, streams open | request | count | p50 ms | p95 ms | p99 ms | queue notices per leave |",
				"|---|---|---|---|---|---|---|"));
		growTo(100);
		steps(steps / 2, rate, new ArrayList<>()); // warm-up
		Latencies[] small = steps(steps, rate, table);
		growTo(crowd);
		Latencies[] large = steps(steps, rate, table);
		String report = "Measured " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
				+ steps + " steps each at " + rate + " per second (dial a new caller, then a random waiting caller "
				+ "leaves).\n\n" + String.join("\n", table) + "\n\n"
				+ String.format(
						"With %d waiting: dial p50 %.2fx, p99 %.2fx; leave p50 %.2fx, p99 %.2fx of 100 waiting.%n",
						crowd, ratio(large[0], small[0], 50), ratio(large[0], small[0], 99),
						ratio(large[1], small[1], 50), ratio(large[1], small[1], 99));
		System.out.println();
		System.out.println(report);
		Files.createDirectories(Path.of("benchmarks", "target"));
		Files.writeString(Path.of("benchmarks", "target", "crowd-results.md"), report);
	}

	private static double ratio(Latencies large, Latencies small, double p) {
		return large.percentile(p) / (double) Math.max(1, small.percentile(p));
	}

	/** Dials callers, 8 at a time, and opens each one's stream, until the crowd is n. */
	private void growTo(int n) throws Exception {
		int more = n - this.waiting.size();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<String>> dialed = new ArrayList<>();
		for (int i = 0; i < more; i++) {
			dialed.add(pool.submit(this::dial));
		}
		for (Future<String> call : dialed) {
			String callId = call.get();
			this.waiting.add(callId);
			follow(callId);
		}
		pool.shutdown();
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (this.ready.get() < this.waiting.size() && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		System.out.printf("%d waiting, %d streams ready%n", this.waiting.size(), this.ready.get());
	}

	private Latencies[] steps(int count, double rate, List<String> table) throws Exception {
		long[] dials = new long[count];
		long[] leaves = new long[count];
		long interval = (long) (1_000_000_000L / rate);
		long notices = this.queueNotices.get();
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long due = start + i * interval;
			long now = System.nanoTime();
			if (due > now) {
				Thread.sleep((due - now) / 1_000_000, (int) ((due - now) % 1_000_000));
			}
			// measured from when the step was due, so a stalled step counts in full
			String leaver = this.waiting.remove(ThreadLocalRandom.current().nextInt(this.waiting.size()));
			long before = Math.min(due, System.nanoTime());
			String callId = dial();
			dials[i] = (System.nanoTime() - before) / 1000;
			long beforeLeave = System.nanoTime();
			leave(leaver);
			leaves[i] = (System.nanoTime() - beforeLeave) / 1000;
			unfollow(leaver);
			this.waiting.add(callId);
			follow(callId);
		}
		long wall = (System.nanoTime() - start) / 1_000_000;
		Thread.sleep(2000); // the last notices on their way
		Latencies dial = new Latencies("dial: POST /api/calls", dials, wall);
		Latencies leave = new Latencies("leave: DELETE /api/calls/{id} (a random waiting caller)", leaves, wall);
		double perLeave = (this.queueNotices.get() - notices) / (double) count;
		String crowd = String.valueOf(this.waiting.size());
		table.add(String.format("| %s | %s | %d | %.2f | %.2f | %.2f | |", crowd, dial.name(), count,
				dial.percentile(50) / 1000.0, dial.percentile(95) / 1000.0, dial.percentile(99) / 1000.0));
		table.add(String.format("| %s | %s | %d | %.2f | %.2f | %.2f | %.0f |", crowd, leave.name(), count,
				leave.percentile(50) / 1000.0, leave.percentile(95) / 1000.0, leave.percentile(99) / 1000.0, perLeave));
		return new Latencies[] { dial, leave };
	}

	private String dial() {
		return JSON.readTree(this.queue.dial(DIAL)).at("/call/id").asString();
	}

	private void leave(String callId) {
		this.queue.asCaller("DELETE", callId, this.credentials.issue(Purpose.CALLER, callId, Duration.ofMinutes(1)));
	}

	/** Opens the call's event stream at the gateway, as its page does. */
	private void follow(String callId) {
		String ticket = this.credentials.issue(Purpose.CALLER_EVENTS, callId, Duration.ofSeconds(30));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.gateway + "/api/calls/" + callId + "/events?ticket=" + ticket))
			.header("Accept", "text/event-stream")
			.build();
		this.streams.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {

			@Override
			public void onSubscribe(Flow.Subscription subscription) {
				WaitingCrowdBenchmark.this.open.put(callId, subscription);
				subscription.request(Long.MAX_VALUE);
			}

			@Override
			public void onNext(String line) {
				if (line.startsWith("event:")) {
					String type = line.substring(6).trim();
					if (type.equals("queue")) {
						WaitingCrowdBenchmark.this.queueNotices.incrementAndGet();
					}
					else if (type.equals("ready")) {
						WaitingCrowdBenchmark.this.ready.incrementAndGet();
					}
				}
			}

			@Override
			public void onError(Throwable failure) {
				WaitingCrowdBenchmark.this.open.remove(callId);
			}

			@Override
			public void onComplete() {
				WaitingCrowdBenchmark.this.open.remove(callId);
			}

		}));
	}

	private void unfollow(String callId) {
		Flow.Subscription stream = this.open.remove(callId);
		if (stream != null) {
			stream.cancel();
			this.ready.decrementAndGet();
		}
	}

}
