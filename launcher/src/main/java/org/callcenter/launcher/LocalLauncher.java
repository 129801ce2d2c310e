package org.callcenter.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.callcenter.localinfra.LocalRedis;
import org.callcenter.localinfra.SecuredKafka;

/**
 * {@code ./run}: the whole call center on this machine with nothing installed but a JDK.
 * Starts a real Redis ({@link LocalRedis}: the redis-server binary shipped in
 * embedded-redis) and a real Kafka broker (KRaft, in this JVM, SASL/SCRAM and ACLs:
 * {@link SecuredKafka}) unless {@code REDIS_HOST} / {@code KAFKA_BOOTSTRAP_SERVERS} point
 * elsewhere, the OpenTok emulator unless {@code OPENTOK_API_KEY} and
 * {@code OPENTOK_API_SECRET} are set, and every service in its own JVM, from the
 * executable jars the build copied beside the launcher's ({@link ServiceJars}). Ctrl-C
 * stops everything.
 * <p>
 * The services' Kafka password is {@code KAFKA_PASSWORD} if set, else a new random one
 * per run; it reaches the services by environment only.
 */
public final class LocalLauncher {

	private static final int REDIS_PORT = 6390;

	private LocalLauncher() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> env = System.getenv();
		boolean ownRedis = blank(env.get("REDIS_HOST"));
		boolean ownKafka = blank(env.get("KAFKA_BOOTSTRAP_SERVERS"));
		boolean emulated = blank(env.get("OPENTOK_API_KEY")) || blank(env.get("OPENTOK_API_SECRET"));
		SuiteSettings.Ports ports = SuiteSettings.Ports.standard();
		Map<String, Integer> needed = new LinkedHashMap<>();
		needed.put("gateway", ports.gateway());
		needed.put("queue-service", ports.queue());
		needed.put("token-service", ports.token());
		needed.put("callback-service", ports.callback());
		needed.put("stats-service", ports.stats());
		if (emulated) {
			needed.put("opentok-emulator", ports.emulator());
		}
		if (ownRedis) {
			needed.put("Redis", REDIS_PORT);
		}
		needed.forEach(LocalLauncher::requireFree);

		LocalRedis redis = null;
		SecuredKafka kafka = null;
		Suite suite = null;
		Runnable stopAll = null;
		try {
			if (ownRedis) {
				// every change in an append-only file in ./data, synced each second: a
				// crash loses at most
				// about the last second, and a restart of ./run finds its calls, agents
				// and sign-ins again
				Path data = Files.createDirectories(Path.of("data").toAbsolutePath());
				say("starting Redis on port " + REDIS_PORT + " (data in ./data)");
				redis = LocalRedis.persistent(REDIS_PORT, data);
			}
			if (ownKafka) {
				say("starting Kafka (KRaft, SASL/SCRAM on 127.0.0.1, ACLs)");
				kafka = SecuredKafka.start(
						blank(env.get("KAFKA_PASSWORD")) ? SecuredKafka.randomPassword() : env.get("KAFKA_PASSWORD"));
			}
			SuiteSettings.OpenTok openTok = emulated ? SuiteSettings.OpenTok.emulator()
					: new SuiteSettings.OpenTok(false, Integer.parseInt(env.get("OPENTOK_API_KEY")),
							env.get("OPENTOK_API_SECRET"), env.getOrDefault("OPENTOK_SIGNATURE_SECRET", ""));
			SuiteSettings settings = new SuiteSettings(ownRedis ? "127.0.0.1" : env.get("REDIS_HOST"),
					ownRedis ? REDIS_PORT : Integer.parseInt(env.getOrDefault("REDIS_PORT", "6379")),
					ownKafka ? SuiteSettings.Kafka.servicesOf(kafka) : givenKafka(env), ports, openTok,
					env.getOrDefault("QUEUE_NAMESPACE", "callcenter"),
					env.getOrDefault("CALLCENTER_INTERNAL_SECRET", "local-" + UUID.randomUUID()));
			if (ownKafka) {
				say("Kafka is at " + kafka.bootstrapServers() + " (user " + SecuredKafka.SERVICES + ")");
			}
			say("starting the services" + (emulated ? " with the OpenTok emulator" : " with your OpenTok account")
					+ "; logs in ./logs");
			suite = Suite.start(settings, ServiceJars.locate(), Path.of("logs"));
		}
		catch (RuntimeException ex) {
			System.err.println("[launcher] could not start: " + ex.getMessage());
			stop(suite, kafka, redis);
			System.exit(1);
		}
		Suite running = suite;
		SecuredKafka runningKafka = kafka;
		LocalRedis runningRedis = redis;
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			say("stopping");
			stop(running, runningKafka, runningRedis);
		}, "stop-suite"));
		String gateway = "http://localhost:" + ports.gateway();
		System.out.println();
		System.out.println("  Video call center is up.");
		System.out.println("  Caller page:    " + gateway + "/caller.html");
		System.out.println("  Agent console:  " + gateway
				+ "/agent.html   (sign in as alice, bob or carol (a supervisor), password demo)");
		System.out.println("  Metrics:        " + gateway + "/actuator/prometheus   (user monitoring, password "
				+ (System.getenv("MONITORING_PASSWORD") != null ? "from MONITORING_PASSWORD"
						: running.monitoringPassword())
				+ ")");
		System.out.println("  Press Ctrl-C to stop everything.");
		System.out.println();
		Thread.currentThread().join();
	}

	/** A Kafka of the user's own: its address, and how to sign in to it if it asks. */
	private static SuiteSettings.Kafka givenKafka(Map<String, String> env) {
		return new SuiteSettings.Kafka(env.get("KAFKA_BOOTSTRAP_SERVERS"),
				env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT"), env.getOrDefault("KAFKA_USERNAME", ""),
				env.getOrDefault("KAFKA_PASSWORD", ""));
	}

	private static void stop(Suite suite, SecuredKafka kafka, LocalRedis redis) {
		if (suite != null) {
			suite.close();
		}
		if (kafka != null) {
			kafka.close();
		}
		if (redis != null) {
			try {
				redis.stop();
			}
			catch (UncheckedIOException ex) {
				System.err.println("[launcher] Redis did not stop cleanly: " + ex.getMessage());
			}
		}
	}

	private static void requireFree(String what, int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			System.err.println("[launcher] port " + port + " (" + what + ") is already in use: stop what uses it, "
					+ "or point the suite elsewhere (see README, Configuration).");
			System.exit(2);
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static void say(String message) {
		System.out.println("[launcher] " + message);
	}

}
