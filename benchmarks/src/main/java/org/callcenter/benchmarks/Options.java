package org.callcenter.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a run measures and for how long, from {@code --name=value} arguments; every one
 * has a default that keeps a whole run to a few minutes.
 *
 * @param connections closed-loop connections (wrk's {@code -c})
 * @param warmUp before each measurement, not counted
 * @param measured each closed-loop measurement
 * @param dialRate open-loop dials offered per second
 * @param dialTime open-loop measurement
 * @param openConnections senders in the open loop
 * @param agents agents signed in with their event streams open
 * @param webhookRate {@code connectionCreated} webhooks posted per second
 * @param webhookTime webhook measurement
 * @param nodeDemo a checkout of the old Node demo with its node_modules, or null to skip
 * its row
 */
record Options(int connections, Duration warmUp, Duration measured, double dialRate, Duration dialTime,
		int openConnections, int agents, double webhookRate, Duration webhookTime, Path nodeDemo) {

	static final String USAGE = """
			options (all optional): --connections=32 --warmup=3 --seconds=10 (closed loop: connections, \
			seconds of warm-up and of measurement) --dial-rate=200 --dial-seconds=20 --open-connections=64 \
			(open-loop dials) --agents=100 --webhook-rate=100 --webhook-seconds=10 (webhook to agent console) \
			--node-demo=<checkout of opentok-video-call-center with node_modules> (the old demo's row)""";

	private static final Set<String> NAMES = Set.of("connections", "warmup", "seconds", "dial-rate", "dial-seconds",
			"open-connections", "agents", "webhook-rate", "webhook-seconds", "node-demo");

	static Options parse(String... args) {
		Map<String, String> given = new HashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			String name = (arg.startsWith("--") && equals > 2) ? arg.substring(2, equals) : "";
			if (!NAMES.contains(name)) {
				throw new IllegalArgumentException("unknown option '" + arg + "'; " + USAGE);
			}
			given.put(name, arg.substring(equals + 1));
		}
		String demo = given.getOrDefault("node-demo", "");
		return new Options(positive(given, "connections", 32), seconds(given, "warmup", 3),
				seconds(given, "seconds", 10), positive(given, "dial-rate", 200), seconds(given, "dial-seconds", 20),
				positive(given, "open-connections", 64), positive(given, "agents", 100),
				positive(given, "webhook-rate", 100), seconds(given, "webhook-seconds", 10),
				demo.isBlank() ? null : Path.of(demo));
	}

	private static int positive(Map<String, String> given, String name, int fallback) {
		int value = Integer.parseInt(given.getOrDefault(name, String.valueOf(fallback)));
		if (value <= 0) {
			throw new IllegalArgumentException("--" + name + " must be positive");
		}
		return value;
	}

	private static Duration seconds(Map<String, String> given, String name, int fallback) {
		double value = Double.parseDouble(given.getOrDefault(name, String.valueOf(fallback)));
		if (value < 0 || (value == 0 && !name.equals("warmup"))) {
			throw new IllegalArgumentException("--" + name + " must be positive");
		}
		return Duration.ofMillis(Math.round(value * 1000));
	}

}
