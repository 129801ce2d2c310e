package org.callcenter.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import org.callcenter.launcher.ServiceJars;
import org.callcenter.launcher.Suite;
import org.callcenter.launcher.SuiteSettings;
import org.callcenter.localinfra.FreePorts;
import org.callcenter.localinfra.LocalRedis;
import org.callcenter.localinfra.SecuredKafka;
import org.callcenter.trust.SignedCredentials;

/**
 * Measures the performance targets of the call center side by side with their floors, in
 * one run against the whole suite as {@code ./run} ships it (every service in its own
 * JVM, a real Redis, the SASL/ACL Kafka, the OpenTok emulator), with the gateway's dial
 * rate limit lifted and benchmark agents configured:
 * <ol>
 * <li>webhook → agent console: signed {@code connectionCreated} callbacks at a constant
 * rate, timed to the event on the agent's stream;</li>
 * <li>closed loop, wrk-style: dials through the gateway and straight to queue-service,
 * the caller page, the health checks (the floors), and the old Node demo's
 * {@code POST /dial} when its checkout is given;</li>
 * <li>open loop: dials through the gateway at a constant rate, beside the health check at
 * the same rate.</li>
 * </ol>
 * Prints Markdown tables and writes them to {@code benchmarks/target/results.md}. Run
 * from the repository root after {@code ./mvnw -DskipTests package}:
 * {@code java -jar benchmarks/target/benchmarks-*-exec.jar [options]} ({@link Options});
 * {@code journey [requests]} as the first argument runs {@link CallerJourneyBenchmark}
 * instead, {@code startup [idle seconds]} {@link StartupBenchmark}, and
 * {@code routing [callers] [agents] [queues] [cycles]} {@link RoutingBenchmark}.
 */
public final class SideBySideBenchmark {

	private static final String INTERNAL_SECRET = "benchmark-internal-secret";

	/** What the caller page sends (web-client's caller.js). */
	private static final String DIAL = "{\"name\":\"Benchmark caller\",\"reason\":\"load\",\"mode\":\"audioVideo\"}";

	/** What the old demo's caller page sends. */
	private static final String OLD_DIAL = "{\"callerName\":\"Benchmark caller\",\"callerReason\":\"load\","
			+ "\"audioVideo\":\"audioVideo\"}";

	private static final Path TARGET = Path.of("benchmarks", "target");

	private SideBySideBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("journey")) {
			CallerJourneyBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && args[0].equals("stats")) {
			StatsBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && args[0].equals("routing")) {
			RoutingBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && args[0].equals("startup")) {
			StartupBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		LocalRedis redis = LocalRedis.ephemeral(FreePorts.next());
		SecuredKafka kafka = SecuredKafka.start(SecuredKafka.randomPassword());
		SuiteSettings.OpenTok openTok = SuiteSettings.OpenTok.emulator();
		Map<String, String> gateway = new HashMap<>(AgentConsoles.gatewayEnvironment(options.agents()));
		// lifted, as the issue's measurements were made: the limit is per client address,
		// and every request here comes from one
		gateway.put("GATEWAY_DIALSPERSECOND", "1000000");
		gateway.put("GATEWAY_DIALBURST", "1000000");
		SuiteSettings settings = new SuiteSettings(redis.host(), redis.port(), SuiteSettings.Kafka.servicesOf(kafka),
				SuiteSettings.Ports.free(), openTok, "benchmark", INTERNAL_SECRET)
			.withGatewayEnvironment(gateway);
		int exit = 0;
		say("starting the suite");
		try (Suite suite = Suite.start(settings, ServiceJars.locate(), TARGET.resolve("logs"))) {
			String report = run(options, suite, openTok);
			System.out.println(report);
			Files.createDirectories(TARGET);
			Files.writeString(TARGET.resolve("results.md"), report);
			say("written to " + TARGET.resolve("results.md"));
		}
		catch (Exception ex) {
			ex.printStackTrace();
			exit = 1;
		}
		finally {
			kafka.close();
			redis.stop();
		}
		System.exit(exit);
	}

	private static String run(Options options, Suite suite, SuiteSettings.OpenTok openTok) throws Exception {
		URI gateway = URI.create(suite.gatewayUrl());
		URI queue = URI.create(suite.url("queue-service"));
		String origin = "http://" + gateway.getHost() + ":" + gateway.getPort();
		byte[] dialThroughGateway = HttpConnection.request("POST", gateway, "/api/calls",
				Map.of("Content-Type", "application/json", "Origin", origin), DIAL);
		// the identity the gateway signs the dials it forwards with, valid for the run
		String gatewayIdentity = new SignedCredentials(INTERNAL_SECRET, Clock.systemUTC())
			.issue(SignedCredentials.Purpose.SERVICE, "gateway", Duration.ofHours(2));
		byte[] dialStraight = HttpConnection.request("POST", queue, "/api/calls",
				Map.of("Content-Type", "application/json", SignedCredentials.SERVICE_HEADER, gatewayIdentity), DIAL);
		byte[] gatewayHealth = HttpConnection.request("GET", gateway, "/actuator/health", Map.of(), null);
		byte[] queueHealth = HttpConnection.request("GET", queue, "/actuator/health", Map.of(), null);
		byte[] callerPage = HttpConnection.request("GET", gateway, "/caller.html", Map.of("Accept", "text/html"), null);

		say("webhook → agent console: " + options.agents() + " agents, " + options.webhookRate() + " webhooks/s");
		WebhookToConsole.Result webhooks = WebhookToConsole.run(gateway, queue, dialStraight, options.agents(),
				options.webhookRate(), options.warmUp(), options.webhookTime(), openTok.apiKey(),
				openTok.signatureSecret());

		Figures oldDemo = null;
		if (options.nodeDemo() != null) {
			say("the old Node demo: POST /dial");
			try (NodeDemo demo = NodeDemo.start(options.nodeDemo(), FreePorts.next(), suite.url("opentok-emulator"),
					openTok.apiKey(), openTok.apiSecret(), TARGET.resolve("logs"))) {
				oldDemo = closed(options, demo.url(), HttpConnection.request("POST", demo.url(), "/dial",
						Map.of("Content-Type", "application/json"), OLD_DIAL), 200);
			}
		}
		else {
			say("no --node-demo given: the old demo's row is left out");
		}
		say("closed loop: gateway GET /actuator/health");
		Figures gatewayFloor = closed(options, gateway, gatewayHealth, 200);
		say("closed loop: GET /caller.html through the gateway");
		Figures page = closed(options, gateway, callerPage, 200);
		say("closed loop: POST /api/calls through the gateway");
		Figures dialGateway = closedDials(options, gateway, dialThroughGateway, queue);
		say("closed loop: queue-service GET /actuator/health");
		Figures queueFloor = closed(options, queue, queueHealth, 200);
		say("closed loop: POST /api/calls straight to queue-service");
		Figures dialQueue = closedDials(options, queue, dialStraight, queue);

		say("open loop: gateway GET /actuator/health at " + options.dialRate() + "/s");
		OpenLoop.Result healthAtRate = open(options, gateway, gatewayHealth, 200, (answer) -> {
		});
		say("open loop: POST /api/calls through the gateway at " + options.dialRate() + "/s");
		ConcurrentLinkedQueue<HttpConnection.Response> dials = new ConcurrentLinkedQueue<>();
		OpenLoop.Result dialAtRate = open(options, gateway, dialThroughGateway, 201, dials::add);
		CallerDials.leave(queue, dials);

		return "Measured " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
				+ Runtime.version() + "; the suite as ./run ships it, the dial rate limit lifted, " + options.agents()
				+ " benchmark agents configured.\n"
				+ Report.closedLoop(options, dialGateway, dialQueue, gatewayFloor, page, queueFloor, oldDemo)
				+ Report.openLoop(options, dialAtRate, healthAtRate) + Report.webhooks(options, webhooks);
	}

	private static Figures closed(Options options, URI base, byte[] request, int expectedStatus) {
		return closed(options, base, request, expectedStatus, (answer) -> {
		});
	}

	/**
	 * A dial phase: the calls it made are ended afterwards, so that every phase starts
	 * with an empty queue.
	 */
	private static Figures closedDials(Options options, URI base, byte[] request, URI queue) {
		ConcurrentLinkedQueue<HttpConnection.Response> dials = new ConcurrentLinkedQueue<>();
		Figures figures = closed(options, base, request, 201, dials::add);
		CallerDials.leave(queue, dials);
		return figures;
	}

	private static Figures closed(Options options, URI base, byte[] request, int expectedStatus,
			Consumer<HttpConnection.Response> answers) {
		Quiet.await();
		Figures figures = ClosedLoop.run(base, options.connections(), options.warmUp(), options.measured(), request,
				expectedStatus, answers);
		say(String.format(java.util.Locale.ROOT, "  %.0f/s, p50 %s ms, p99 %s ms, %d errors", figures.perSecond(),
				MarkdownTable.millis(figures.percentile(50)), MarkdownTable.millis(figures.percentile(99)),
				figures.errors()));
		return figures;
	}

	private static OpenLoop.Result open(Options options, URI base, byte[] request, int expectedStatus,
			Consumer<HttpConnection.Response> answers) {
		Quiet.await();
		double seconds = (options.warmUp().toMillis() + options.dialTime().toMillis()) / 1000.0;
		ArrivalSchedule schedule = ArrivalSchedule.of(System.nanoTime() + 100_000_000L, options.dialRate(), seconds);
		int firstMeasured = (int) Math.round(options.dialRate() * options.warmUp().toMillis() / 1000.0);
		OpenLoop.Result result = OpenLoop.run(base, schedule, firstMeasured, options.openConnections(), (i) -> request,
				expectedStatus, answers);
		Figures figures = result.figures();
		say(String.format(java.util.Locale.ROOT, "  achieved %.0f/s, p50 %s ms, p99 %s ms, max %s ms, %d errors",
				figures.perSecond(), MarkdownTable.millis(figures.percentile(50)),
				MarkdownTable.millis(figures.percentile(99)), MarkdownTable.millis(figures.max()), figures.errors()));
		return result;
	}

	private static void say(String message) {
		System.out.println("[benchmark] " + message);
	}

}
