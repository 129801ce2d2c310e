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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.CallState;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.launcher.Suite;
import org.callcenter.launcher.SuiteSettings;
import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

/**
 * What the statistics cost (issue 16): how many call events per second stats-service's
 * Kafka Streams topology works through, and how long an event takes to show in the
 * figures, against the suite as {@code ./run} ships it.
 *
 * <p>
 * Each synthetic call has the four events of a call answered and ended (queued, given to
 * an agent, accepted, ended), written to {@code callcenter.call-events} as queue-service
 * writes them (keyed by call id, SASL/SCRAM as the services).
 * <ol>
 * <li><b>Throughput</b>: stats-service is stopped, the events of {@code calls} calls are
 * written, and stats-service is started again; from its first change of the figures until
 * every call is counted as handled, events per second. Floor, same run: a plain Kafka
 * consumer reading and parsing the same events.</li>
 * <li><b>Latency</b>: events written at a constant rate (open loop); for each call, from
 * when its first event was due until the figures pushed on a supervisor's dashboard
 * stream (stats-service → {@code callcenter.stats} → gateway → {@code GET
 * /api/supervisor/events}) count it as offered. Floor: the same events' trip through
 * Kafka alone, from when each was due until a plain consumer has it.</li>
 * </ol>
 * {@code java -jar benchmarks/target/benchmarks-*-exec.jar stats [calls] [events per second] [seconds]}
 * (defaults 20,000, 1,000 and 10).
 */
final class StatsBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int EVENTS_PER_CALL = 4;

	private final Suite suite;

	private final HttpClient http = HttpClient.newHttpClient();

	private final SignedCredentials credentials = new SignedCredentials(BenchmarkSuite.INTERNAL_SECRET,
			Clock.systemUTC());

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private StatsBenchmark(Suite suite) {
		this.suite = suite;
	}

	static void main(String[] args) throws Exception {
		int calls = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		double rate = (args.length > 1) ? Double.parseDouble(args[1]) : 1_000;
		int seconds = (args.length > 2) ? Integer.parseInt(args[2]) : 10;
		BenchmarkSuite.run("stats",
				(settings) -> settings.withGatewayEnvironment(SupervisorStream.gatewayEnvironment()),
				(suite) -> new StatsBenchmark(suite).run(calls, rate, seconds));
		System.exit(0);
	}

	private void run(int calls, double rate, int seconds) throws Exception {
		JsonNode before = awaitFigures();
		Quiet.await();
		MarkdownTable throughput = throughput(calls, before);
		Quiet.await();
		MarkdownTable latency = latency(rate, seconds);
		String report = "Measured " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors()
				+ " cores: stats-service as ./run starts it, its Kafka Streams topology over the suite's broker "
				+ "(SASL/SCRAM, ACLs).\n\nThroughput, " + calls + " calls of " + EVENTS_PER_CALL
				+ " events written while stats-service was stopped, then worked through after its start:\n\n"
				+ throughput.render() + "\nLatency, events written at a constant rate (open loop) for " + seconds
				+ " s:\n\n" + latency.render();
		System.out.println();
		System.out.println(report);
		Files.createDirectories(Path.of("benchmarks", "target"));
		Files.writeString(Path.of("benchmarks", "target", "stats-results.md"), report);
	}

	private MarkdownTable throughput(int calls, JsonNode before) throws Exception {
		long baseOffered = before.at("/total/offered").asLong();
		long baseHandled = before.at("/total/handled").asLong();
		say("stopping stats-service, writing " + calls * EVENTS_PER_CALL + " events");
		this.suite.kill("stats-service");
		Map<TopicPartition, Long> start = endOffsets();
		long written = System.nanoTime();
		try (KafkaProducer<String, String> producer = producer(5)) {
			Instant at = Instant.now();
			for (int call = 0; call < calls; call++) {
				for (ProducerRecord<String, String> event : callEvents(this.run + "-t" + call, at)) {
					producer.send(event);
				}
			}
			producer.flush();
		}
		long writtenMillis = (System.nanoTime() - written) / 1_000_000;
		Map<TopicPartition, Long> end = endOffsets();
		long events = end.entrySet().stream().mapToLong((e) -> e.getValue() - start.get(e.getKey())).sum();

		say("reading them with a plain consumer (the floor), twice: the first warms it up");
		readAll(start, end);
		long read = System.nanoTime();
		long parsed = readAll(start, end);
		double floorPerSecond = parsed * 1e9 / (System.nanoTime() - read);

		say("starting stats-service again");
		this.suite.restart("stats-service");
		long began = 0;
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		long done = 0;
		while (System.nanoTime() < deadline) {
			JsonNode figures = figures();
			long now = System.nanoTime();
			if (figures != null) {
				if (began == 0 && figures.at("/total/offered").asLong() > baseOffered) {
					began = now;
				}
				if (figures.at("/total/handled").asLong() >= baseHandled + calls) {
					done = now;
					break;
				}
			}
			Thread.sleep(20);
		}
		if (done == 0 || began == 0) {
			throw new IllegalStateException("stats-service did not count the calls within 10 minutes");
		}
		double perSecond = events * 1e9 / (done - began);
		say(String.format("topology: %.0f events/s; plain consumer %.0f events/s", perSecond, floorPerSecond));
		return new MarkdownTable("what", "events", "events/s",
				"floor, same run: plain consumer reading and parsing them", "figure vs floor")
			.row("stats-service's topology, from its first change of the figures to the last call counted",
					String.format("%,d", events), MarkdownTable.rate(perSecond),
					MarkdownTable.rate(floorPerSecond) + " events/s", MarkdownTable.percent(perSecond, floorPerSecond))
			.row("(the benchmark writing them, for scale)", String.format("%,d", events),
					MarkdownTable.rate(events * 1000.0 / Math.max(1, writtenMillis)), "", "");
	}

	private MarkdownTable latency(double rate, int seconds) throws Exception {
		int calls = (int) (rate * seconds / EVENTS_PER_CALL);
		long interval = (long) (1e9 / rate);
		JsonNode before = awaitFigures();
		long baseOffered = before.at("/total/offered").asLong();
		AtomicLongArray due = new AtomicLongArray(calls);
		AtomicLongArray shown = new AtomicLongArray(calls);
		AtomicLongArray delivered = new AtomicLongArray(calls);
		AtomicBoolean writing = new AtomicBoolean(true);
		Map<TopicPartition, Long> start = endOffsets();

		// the supervisor's dashboard stream: each pushed change of the center's figures
		int[] seen = { 0 };
		SupervisorStream dashboard = SupervisorStream.open(URI.create(this.suite.gatewayUrl()), (live, arrived) -> {
			synchronized (seen) {
				long offered = live.at("/total/offered").asLong() - baseOffered;
				while (seen[0] < Math.min(offered, calls)) {
					shown.set(seen[0]++, arrived);
				}
			}
		});
		// the floor: the same events through Kafka alone
		Thread consumer = new Thread(() -> {
			try (KafkaConsumer<String, String> kafka = consumer()) {
				kafka.assign(start.keySet());
				start.forEach(kafka::seek);
				int got = 0;
				long deadline = Long.MAX_VALUE;
				while (got < calls && System.nanoTime() < deadline) {
					for (ConsumerRecord<String, String> event : kafka.poll(Duration.ofMillis(5))) {
						JsonNode parsed = JSON.readTree(event.value());
						String callId = parsed.path("callId").asString();
						if (parsed.path("seq").asLong() == 1 && callId.startsWith(this.run + "-l")) {
							delivered.set(Integer.parseInt(callId.substring(callId.lastIndexOf('l') + 1)),
									System.nanoTime());
							got++;
						}
					}
					if (!writing.get() && deadline == Long.MAX_VALUE) {
						deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
					}
				}
			}
		}, "plain-consumer");
		consumer.start();

		say(String.format("writing %.0f events/s for %d s", rate, seconds));
		try (KafkaProducer<String, String> producer = producer(0)) {
			long begin = System.nanoTime() + 100_000_000;
			int next = 0;
			for (int call = 0; call < calls; call++) {
				List<ProducerRecord<String, String>> events = callEvents(this.run + "-l" + call, Instant.now());
				for (int i = 0; i < events.size(); i++) {
					long when = begin + (long) next++ * interval;
					long wait = when - System.nanoTime();
					if (wait > 0) {
						Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
					}
					if (i == 0) {
						due.set(call, when);
					}
					producer.send(events.get(i));
				}
			}
			producer.flush();
		}
		writing.set(false);
		consumer.join();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (shown.get(calls - 1) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		dashboard.close();
		Latencies toFigures = latencies("event → dashboard", due, shown, calls);
		Latencies throughKafka = latencies("event → plain consumer", due, delivered, calls);
		return new MarkdownTable("path", "offered events/s", "calls seen", "p50 ms", "p99 ms", "max ms",
				"floor, same events: Kafka alone to a plain consumer, p50 / p99 ms")
			.row("a call's first event → counted in the figures pushed on the supervisor's dashboard stream",
					MarkdownTable.rate(rate), toFigures.micros().length + " of " + calls,
					MarkdownTable.millis(toFigures.percentile(50)), MarkdownTable.millis(toFigures.percentile(99)),
					MarkdownTable.millis(toFigures.percentile(100)), MarkdownTable.millis(throughKafka.percentile(50))
							+ " / " + MarkdownTable.millis(throughKafka.percentile(99)));
	}

	private static Latencies latencies(String name, AtomicLongArray due, AtomicLongArray arrived, int calls) {
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < calls; i++) {
			if (arrived.get(i) != 0) {
				micros.add(Math.max(0, (arrived.get(i) - due.get(i)) / 1000));
			}
		}
		return new Latencies(name, micros.stream().mapToLong(Long::longValue).toArray(), 0);
	}

	/** A call answered and ended, as queue-service tells it. */
	private static List<ProducerRecord<String, String>> callEvents(String callId, Instant at) {
		List<CallEvent> events = List.of(event(callId, 1, CallEventType.QUEUED, CallState.WAITING, null, null, at),
				event(callId, 2, CallEventType.ASSIGNED, CallState.ASSIGNED, "bench-agent", null, at),
				event(callId, 3, CallEventType.ACCEPTED, CallState.ON_CALL, "bench-agent", null, at.plusSeconds(5)),
				event(callId, 4, CallEventType.ENDED, CallState.ENDED, "bench-agent", CallEventReason.AGENT_ENDED,
						at.plusSeconds(65)));
		return events.stream()
			.map((event) -> new ProducerRecord<>(Topics.CALL_EVENTS, callId, JSON.writeValueAsString(event)))
			.toList();
	}

	private static CallEvent event(String callId, long seq, CallEventType type, CallState state, String agentId,
			CallEventReason reason, Instant at) {
		return new CallEvent(callId + ":" + seq, callId, seq, type, state, agentId, null, "s-" + callId, seq > 1,
				reason, false, at);
	}

	/** The figures, waiting until stats-service answers them. */
	private JsonNode awaitFigures() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode figures = figures();
			if (figures != null) {
				return figures;
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("stats-service's figures did not become readable");
	}

	/** {@code GET /api/stats/live} straight from stats-service; null unless 200. */
	private JsonNode figures() {
		try {
			HttpResponse<String> live = this.http
				.send(HttpRequest.newBuilder(URI.create(this.suite.url("stats-service") + "/api/stats/live"))
					.header(SignedCredentials.AGENT_HEADER,
							this.credentials.issue(Purpose.AGENT, "bench-supervisor", Duration.ofMinutes(1)))
					.build(), HttpResponse.BodyHandlers.ofString());
			return (live.statusCode() == 200) ? JSON.readTree(live.body()) : null;
		}
		catch (Exception ex) {
			return null;
		}
	}

	private long readAll(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
		long parsed = 0;
		try (KafkaConsumer<String, String> kafka = consumer()) {
			kafka.assign(start.keySet());
			start.forEach(kafka::seek);
			while (start.keySet().stream().anyMatch((partition) -> kafka.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, String> event : kafka.poll(Duration.ofMillis(100))) {
					JSON.readValue(event.value(), CallEvent.class);
					parsed++;
				}
			}
		}
		return parsed;
	}

	private Map<TopicPartition, Long> endOffsets() {
		try (KafkaConsumer<String, String> kafka = consumer()) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (PartitionInfo partition : kafka.partitionsFor(Topics.CALL_EVENTS)) {
				partitions.add(new TopicPartition(partition.topic(), partition.partition()));
			}
			return new HashMap<>(kafka.endOffsets(partitions));
		}
	}

	private KafkaProducer<String, String> producer(int lingerMillis) {
		Map<String, Object> properties = clientProperties();
		properties.put(ProducerConfig.LINGER_MS_CONFIG, lingerMillis);
		return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
	}

	private KafkaConsumer<String, String> consumer() {
		Map<String, Object> properties = clientProperties();
		properties.put("max.poll.records", 2000);
		return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
	}

	/** The services' credentials: they may write and read the call events. */
	private Map<String, Object> clientProperties() {
		SuiteSettings.Kafka kafka = this.suite.settings().kafka();
		Map<String, Object> properties = new HashMap<>();
		properties.put("bootstrap.servers", kafka.bootstrapServers());
		properties.put("security.protocol", kafka.securityProtocol());
		properties.put("sasl.mechanism", "SCRAM-SHA-256");
		properties.put("sasl.jaas.config",
				"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + kafka.username()
						+ "\" password=\"" + kafka.password() + "\";");
		return properties;
	}

	private static void say(String what) {
		System.out.println("[stats benchmark] " + what);
	}

}
