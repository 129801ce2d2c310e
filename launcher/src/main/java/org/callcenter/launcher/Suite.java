package org.callcenter.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every service of the call center, each in a JVM of its own started from its executable
 * jar ({@link ServiceJars}), wired to one Redis and one Kafka: the emulator (unless a
 * real OpenTok account is used), callback-service, token-service, queue-service and the
 * gateway. Services start together and the suite waits until each reports healthy.
 */
public final class Suite implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(150);

	private final List<ServiceProcess> services = new ArrayList<>();

	private final SuiteSettings settings;

	private final String monitoringPassword;

	private Suite(SuiteSettings settings, List<SuiteSettings.Ports> instances, String publicUrl, ServiceJars jars,
			Path logs) {
		this.settings = settings;
		String configured = System.getenv("MONITORING_PASSWORD");
		this.monitoringPassword = (configured != null && !configured.isBlank()) ? configured
				: java.util.UUID.randomUUID().toString();
		SuiteSettings.OpenTok openTok = settings.openTok();
		String redis = "--spring.data.redis.host=" + settings.redisHost();
		String redisPort = "--spring.data.redis.port=" + settings.redisPort();
		String emulatorUrl = "http://127.0.0.1:" + instances.get(0).emulator();
		String tokenServices = urls(instances, SuiteSettings.Ports::token);
		String queueServices = urls(instances, SuiteSettings.Ports::queue);
		String callbackServices = urls(instances, SuiteSettings.Ports::callback);
		try {
			// secrets go by environment, never on a command line that every local user
			// can read (ps)
			Map<String, String> openTokSecrets = Map.of("OPENTOK_API_SECRET", openTok.apiSecret(),
					"OPENTOK_SIGNATURE_SECRET", openTok.signatureSecret());
			Map<String, String> kafka = settings.kafka().environment();
			Map<String, String> internalSecret = with(kafka, "CALLCENTER_INTERNAL_SECRET", settings.internalSecret());
			if (openTok.emulated()) {
				// like OpenTok, the emulator calls back the public address when there is
				// one
				String callbacks = (publicUrl != null) ? publicUrl : "http://127.0.0.1:" + instances.get(0).callback();
				start(jars, logs, "opentok-emulator", instances.get(0).emulator(), openTokSecrets,
						"--emulator.api-key=" + openTok.apiKey(),
						"--emulator.callback-url=" + callbacks + "/ot_callback");
			}
			// one instance: its stores then hold every figure (stats-service's README
			// says how
			// several would share them)
			int stats = instances.get(0).stats();
			start(jars, logs, "stats-service", stats, internalSecret,
					"--spring.kafka.streams.application-id=callcenter.stats-" + settings.namespace(),
					"--spring.kafka.streams.state-dir=" + stateDirectory());
			for (int i = 0; i < instances.size(); i++) {
				SuiteSettings.Ports ports = instances.get(i);
				String suffix = (i == 0) ? "" : "-" + (i + 1);
				start(jars, logs, "callback-service", suffix, ports.callback(),
						with(kafka, "OPENTOK_SIGNATURE_SECRET", openTok.signatureSecret()),
						"--callbacks.project-api-key=" + openTok.apiKey());
				start(jars, logs, "token-service", suffix, ports.token(),
						with(internalSecret, "OPENTOK_API_SECRET", openTok.apiSecret()),
						"--opentok.api-key=" + openTok.apiKey(),
						"--opentok.api-url=" + (openTok.emulated() ? emulatorUrl : "https://api.opentok.com"),
						// two call centers on one Kafka each signal their own calls
						"--spring.kafka.consumer.group-id=token-service-" + settings.namespace());
				Map<String, String> queueEnvironment = new HashMap<>(internalSecret);
				queueEnvironment.putAll(settings.queueEnvironment());
				start(jars, logs, "queue-service", suffix, ports.queue(), queueEnvironment, redis, redisPort,
						"--queue.namespace=" + settings.namespace(), "--queue.token-service-urls=" + tokenServices);
				Map<String, String> gatewayEnvironment = with(internalSecret, "MONITORING_PASSWORD",
						this.monitoringPassword);
				gatewayEnvironment.putAll(settings.gatewayEnvironment());
				start(jars, logs, "gateway", suffix, ports.gateway(), gatewayEnvironment, redis, redisPort,
						"--gateway.queue-service-urls=" + queueServices,
						"--gateway.callback-service-urls=" + callbackServices,
						"--gateway.stats-service-urls=http://127.0.0.1:" + stats,
						"--gateway.emulator-url=" + (openTok.emulated() ? emulatorUrl : ""),
						"--gateway.open-tok-api-key=" + openTok.apiKey());
			}
			for (ServiceProcess service : this.services) {
				service.awaitHealthy(STARTUP);
			}
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/**
	 * A fresh directory for stats-service's local copies of its stores: its changelog
	 * topics on this suite's Kafka are the durable ones, and a copy left from another
	 * Kafka would not match them.
	 */
	private static Path stateDirectory() {
		try {
			return java.nio.file.Files.createTempDirectory("callcenter-stats");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String urls(List<SuiteSettings.Ports> instances,
			java.util.function.ToIntFunction<SuiteSettings.Ports> port) {
		return instances.stream()
			.map((ports) -> "http://127.0.0.1:" + port.applyAsInt(ports))
			.collect(java.util.stream.Collectors.joining(","));
	}

	/**
	 * Starts the suite from {@code jars}; each service logs to
	 * {@code logs/<service>.log}.
	 */
	public static Suite start(SuiteSettings settings, ServiceJars jars, Path logs) {
		return new Suite(settings, List.of(settings.ports()), null, jars, logs);
	}

	/**
	 * Starts several instances of every service but the emulator (one per
	 * {@code instances} entry; the first named as usual, the others
	 * {@code queue-service-2}, ...), all on the same Redis and Kafka: each gateway
	 * balances over every queue-service and callback-service, each queue-service over
	 * every token-service. {@code publicUrl}, a load balancer in front of the gateways,
	 * is where the emulator sends OpenTok's callbacks.
	 */
	public static Suite startReplicated(SuiteSettings settings, List<SuiteSettings.Ports> instances, String publicUrl,
			ServiceJars jars, Path logs) {
		return new Suite(settings, instances, publicUrl, jars, logs);
	}

	public SuiteSettings settings() {
		return this.settings;
	}

	/**
	 * The password of user {@code monitoring}, who reads the gateway's metrics,
	 * Prometheus and info: {@code MONITORING_PASSWORD} if set, else one made up for this
	 * run.
	 */
	public String monitoringPassword() {
		return this.monitoringPassword;
	}

	public String url(String service) {
		return process(service).url();
	}

	public String gatewayUrl() {
		return url("gateway");
	}

	/**
	 * The file a service writes its output to (its log lines), for example
	 * {@code queue-service-2}.
	 */
	public Path log(String service) {
		return process(service).log();
	}

	public boolean allAlive() {
		return this.services.stream().allMatch(ServiceProcess::isAlive);
	}

	/** Kills one service at once (SIGKILL), for fault tests. */
	public void kill(String service) {
		process(service).kill();
	}

	/** Starts a killed service again and waits until it is healthy. */
	public void restart(String service) {
		ServiceProcess process = process(service);
		process.restart();
		process.awaitHealthy(STARTUP);
	}

	private ServiceProcess process(String service) {
		return this.services.stream()
			.filter((s) -> s.name().equals(service))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no service " + service));
	}

	/** Stops the services, the gateway first. */
	@Override
	public void close() {
		for (int i = this.services.size() - 1; i >= 0; i--) {
			this.services.get(i).close();
		}
		this.services.clear();
	}

	/**
	 * Only the gateway faces users: every other service listens on the loopback interface
	 * alone, so nobody else on the network can reach token-service, queue-service,
	 * callback-service or the emulator directly.
	 */
	private void start(ServiceJars jars, Path logs, String module, int port, Map<String, String> secrets,
			String... arguments) {
		start(jars, logs, module, "", port, secrets, arguments);
	}

	private void start(ServiceJars jars, Path logs, String module, String suffix, int port, Map<String, String> secrets,
			String... arguments) {
		List<String> all = new ArrayList<>(List.of(arguments));
		if (!"gateway".equals(module)) {
			all.add("--server.address=127.0.0.1");
		}
		this.services.add(ServiceProcess.start(module + suffix, jars.jar(module), port, logs, secrets, all));
	}

	private static Map<String, String> with(Map<String, String> environment, String name, String value) {
		Map<String, String> more = new HashMap<>(environment);
		more.put(name, value);
		return more;
	}

}
