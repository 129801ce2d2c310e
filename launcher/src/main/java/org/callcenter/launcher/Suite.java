package org.callcenter.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every service of the call center, each in a JVM of its own started from its executable jar, wired
 * to one Redis and one Kafka: the emulator (unless a real OpenTok account is used), callback-service,
 * token-service, queue-service and the gateway. Services start together and the suite waits until
 * each reports healthy.
 */
public final class Suite implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(150);

	private final List<ServiceProcess> services = new ArrayList<>();

	private final SuiteSettings settings;

	private Suite(SuiteSettings settings, Path repository, Path logs) {
		this.settings = settings;
		SuiteSettings.Ports ports = settings.ports();
		SuiteSettings.OpenTok openTok = settings.openTok();
		String redis = "--spring.data.redis.host=" + settings.redisHost();
		String redisPort = "--spring.data.redis.port=" + settings.redisPort();
		String callbackUrl = "http://127.0.0.1:" + ports.callback();
		String emulatorUrl = "http://127.0.0.1:" + ports.emulator();
		try {
			// secrets go by environment, never on a command line that every local user can read (ps)
			Map<String, String> openTokSecrets = Map.of("OPENTOK_API_SECRET", openTok.apiSecret(),
					"OPENTOK_SIGNATURE_SECRET", openTok.signatureSecret());
			Map<String, String> kafka = settings.kafka().environment();
			Map<String, String> internalSecret = with(kafka, "CALLCENTER_INTERNAL_SECRET", settings.internalSecret());
			if (openTok.emulated()) {
				start(repository, logs, "opentok-emulator", ports.emulator(), openTokSecrets,
						"--emulator.api-key=" + openTok.apiKey(), "--emulator.callback-url=" + callbackUrl + "/ot_callback");
			}
			start(repository, logs, "callback-service", ports.callback(),
					with(kafka, "OPENTOK_SIGNATURE_SECRET", openTok.signatureSecret()),
					"--callbacks.project-api-key=" + openTok.apiKey());
			start(repository, logs, "token-service", ports.token(),
					with(internalSecret, "OPENTOK_API_SECRET", openTok.apiSecret()), "--opentok.api-key=" + openTok.apiKey(),
					"--opentok.api-url=" + (openTok.emulated() ? emulatorUrl : "https://api.opentok.com"));
			start(repository, logs, "queue-service", ports.queue(), internalSecret, redis, redisPort,
					"--queue.namespace=" + settings.namespace(), "--queue.token-service-url=http://127.0.0.1:" + ports.token());
			start(repository, logs, "gateway", ports.gateway(), internalSecret, redis, redisPort,
					"--gateway.queue-service-url=http://127.0.0.1:" + ports.queue(),
					"--gateway.callback-service-url=" + callbackUrl,
					"--gateway.emulator-url=" + (openTok.emulated() ? emulatorUrl : ""),
					"--gateway.open-tok-api-key=" + openTok.apiKey());
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
	 * Starts the suite from the executable jars under {@code repository} (built by
	 * {@code ./mvnw package}); each service logs to {@code logs/<service>.log}.
	 */
	public static Suite start(SuiteSettings settings, Path repository, Path logs) {
		return new Suite(settings, repository, logs);
	}

	public SuiteSettings settings() {
		return this.settings;
	}

	public String url(String service) {
		return this.services.stream()
			.filter((s) -> s.name().equals(service))
			.findFirst()
			.map(ServiceProcess::url)
			.orElseThrow(() -> new IllegalArgumentException("no service " + service));
	}

	public String gatewayUrl() {
		return url("gateway");
	}

	public boolean allAlive() {
		return this.services.stream().allMatch(ServiceProcess::isAlive);
	}

	public List<Path> logs() {
		return this.services.stream().map(ServiceProcess::log).toList();
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
	 * Only the gateway faces users: every other service listens on the loopback interface alone, so
	 * nobody else on the network can reach token-service, queue-service, callback-service or the
	 * emulator directly.
	 */
	private void start(Path repository, Path logs, String module, int port, Map<String, String> secrets,
			String... arguments) {
		List<String> all = new ArrayList<>(List.of(arguments));
		if (!"gateway".equals(module)) {
			all.add("--server.address=127.0.0.1");
		}
		this.services.add(ServiceProcess.start(module, executableJar(repository, module), port, logs, secrets, all));
	}

	private static Map<String, String> with(Map<String, String> environment, String name, String value) {
		Map<String, String> more = new HashMap<>(environment);
		more.put(name, value);
		return more;
	}

	private static Path executableJar(Path repository, String module) {
		Path target = repository.resolve(module).resolve("target");
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
			for (Path jar : jars) {
				return jar;
			}
		}
		catch (IOException ex) {
			// reported below
		}
		throw new IllegalStateException("no executable jar in " + target + ": build first with ./mvnw -DskipTests package");
	}

}
