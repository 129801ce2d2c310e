package org.callcenter.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml as Docker Compose resolves it (variables, env files, YAML merge
 * keys), without a Docker engine: a real OpenTok project's key and secret alone switch
 * every service away from the emulator, and without them every service finds it; Kafka
 * asks every client for SASL/SCRAM and lets nothing through without an ACL, the services
 * sign in with the password Kafka was given, only the gateway publishes a port (and the
 * optional tracing and monitoring UIs, on this machine alone), traces leave the services
 * only when an OTLP endpoint is given, and every container has a memory limit.
 */
@SuppressWarnings("unchecked")
class DockerComposeFileTest {

	private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");

	private static final Path KAFKA_DIRECTORY = Path.of("..", "compose", "kafka");

	private static final String EMULATOR = "opentok-emulator";

	@Test
	void withOnlyARealProjectsKeyAndSecretNoServiceIsGivenTheEmulatorsAddress() throws IOException {
		Map<String, Map<String, String>> environments = environments(Map.of("OPENTOK_API_KEY", "47000001",
				"OPENTOK_API_SECRET", "0123456789abcdef0123456789abcdef01234567"));

		environments.forEach((service, environment) -> assertThat(environment.values()).as(service)
			.noneMatch((value) -> value.contains(EMULATOR)));
		assertThat(environments.get("token-service")).containsEntry("OPENTOK_API_URL", "https://api.opentok.com")
			.containsEntry("OPENTOK_API_KEY", "47000001");
		assertThat(environments.get("gateway")).containsEntry("OPENTOK_EMULATOR_URL", "")
			.containsEntry("OPENTOK_API_KEY", "47000001");
		assertThat(environments.get("callback-service")).containsEntry("OPENTOK_SIGNATURE_SECRET", "");
	}

	@Test
	void withoutAnAccountEveryServiceUsesTheEmulatorAndASignatureSecretIsSharedWhenGiven() throws IOException {
		Map<String, Map<String, String>> environments = environments(Map.of("OPENTOK_SIGNATURE_SECRET", "shared"));

		assertThat(environments.get("token-service").get("OPENTOK_API_URL")).contains(EMULATOR);
		assertThat(environments.get("gateway").get("OPENTOK_EMULATOR_URL")).contains(EMULATOR);
		assertThat(environments.get("opentok-emulator")).containsEntry("OPENTOK_SIGNATURE_SECRET", "shared");
		assertThat(environments.get("callback-service")).containsEntry("OPENTOK_SIGNATURE_SECRET", "shared");
	}

	@Test
	void kafkaAcceptsOnlySaslScramClientsAndAllowsNothingWithoutAnAcl() throws IOException {
		Map<String, Object> kafka = services().get("kafka");
		assertThat((List<String>) kafka.get("volumes")).contains("./compose/kafka:/compose/kafka:ro");
		assertThat((List<String>) kafka.get("entrypoint")).contains("/compose/kafka/start.sh");
		Properties broker = new Properties();
		try (Reader reader = Files.newBufferedReader(KAFKA_DIRECTORY.resolve("server.properties"))) {
			broker.load(reader);
		}
		// every listener, the controller's too, asks for SASL: there is no PLAINTEXT or
		// SSL-only door
		for (String listener : broker.getProperty("listener.security.protocol.map").split(",")) {
			assertThat(listener.split(":")[1]).as(listener).isEqualTo("SASL_PLAINTEXT");
		}
		assertThat(broker.getProperty("listeners").split(",")).hasSize(2);
		assertThat(broker).containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-256")
			.containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
			.containsEntry("allow.everyone.if.no.acl.found", "false")
			.containsEntry("super.users", "User:admin");
		String start = Files.readString(KAFKA_DIRECTORY.resolve("start.sh"));
		assertThat(start).contains("--add-scram \"SCRAM-SHA-256=[name=$user,password=$KAFKA_PASSWORD]\"",
				"--topic callcenter. --topic opentok. --operation Read --operation Write --operation Create",
				"--group queue-service --group token-service --group gateway- --group callcenter.stats --operation Read");
	}

	@Test
	void everyServiceSignsInToKafkaWithThePasswordKafkaWasGiven() throws IOException {
		for (Map<String, String> variables : List.of(Map.<String, String>of(),
				Map.of("KAFKA_PASSWORD", "from-the-env-file-0123"))) {
			Map<String, Map<String, String>> environments = environments(variables);
			String password = environments.get("kafka").get("KAFKA_PASSWORD");
			assertThat(password).isNotBlank();
			assertThat(environments.get("kafka").get("KAFKA_ADMIN_PASSWORD")).isNotBlank().isNotEqualTo(password);
			for (String service : List.of("gateway", "queue-service", "token-service", "callback-service")) {
				assertThat(environments.get(service)).as(service)
					.containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
					.containsEntry("KAFKA_USERNAME", environments.get("kafka").get("KAFKA_USERNAME"))
					.containsEntry("KAFKA_PASSWORD", password)
					.doesNotContainKey("KAFKA_ADMIN_PASSWORD");
			}
		}
		assertThat(environments(Map.of("KAFKA_PASSWORD", "from-the-env-file-0123")).get("kafka"))
			.containsEntry("KAFKA_PASSWORD", "from-the-env-file-0123");
	}

	@Test
	void onlyTheGatewayPublishesAPortTheOptionalUisOnlyOnThisMachine() throws IOException {
		services().forEach((name, service) -> {
			if (!List.of("gateway", "jaeger", "grafana").contains(name)) {
				assertThat(service).as(name).doesNotContainKeys("ports", "network_mode");
			}
		});
		assertThat((List<String>) services().get("gateway").get("ports")).containsExactly("8080:8080");
		Map<String, Object> jaeger = services().get("jaeger");
		assertThat((List<String>) jaeger.get("profiles")).containsExactly("tracing");
		assertThat(jaeger).doesNotContainKey("network_mode");
		assertThat((List<String>) jaeger.get("ports")).containsExactly("127.0.0.1:16686:16686");
		Map<String, Object> grafana = services().get("grafana");
		assertThat((List<String>) grafana.get("profiles")).containsExactly("monitoring");
		assertThat((List<String>) services().get("prometheus").get("profiles")).containsExactly("monitoring");
		assertThat(grafana).doesNotContainKey("network_mode");
		assertThat((List<String>) grafana.get("ports")).containsExactly("127.0.0.1:3000:3000");
	}

	@Test
	void prometheusScrapesTheCallCentersServicesAndGrafanaReadsPrometheus() throws IOException {
		Map<String, Object> prometheus;
		try (Reader reader = Files
			.newBufferedReader(COMPOSE_FILE.resolveSibling("compose/prometheus/prometheus.yml"))) {
			prometheus = new Yaml().load(reader);
		}
		List<String> targets = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).stream()
			.flatMap((job) -> ((List<Map<String, Object>>) job.get("static_configs")).stream())
			.flatMap((config) -> ((List<String>) config.get("targets")).stream())
			.toList();
		// each a service of the compose file, on the port its container listens on
		assertThat(targets).containsExactlyInAnyOrder("queue-service:8080", "stats-service:8080",
				"callback-service:8080", "token-service:8080");
		Map<String, Map<String, Object>> services = services();
		targets.forEach((target) -> assertThat(services).containsKey(target.substring(0, target.indexOf(':'))));
		Map<String, Object> datasources;
		try (Reader reader = Files.newBufferedReader(
				COMPOSE_FILE.resolveSibling("compose/grafana/provisioning/datasources/prometheus.yml"))) {
			datasources = new Yaml().load(reader);
		}
		assertThat(((List<Map<String, Object>>) datasources.get("datasources")).get(0))
			.containsEntry("url", "http://prometheus:9090")
			.containsEntry("uid", "callcenter-prometheus");
	}

	@Test
	void tracesAreExportedOnlyWhenAnEndpointIsGiven() throws IOException {
		for (String service : List.of("gateway", "queue-service", "token-service", "callback-service")) {
			Map<String, Object> environment = (Map<String, Object>) services().get(service).get("environment");
			// declared without a value: Compose passes them on from the shell or .env, or
			// leaves them
			// unset (an empty endpoint would be an invalid one, not none)
			for (String variable : List.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
					"MANAGEMENT_TRACING_SAMPLING_PROBABILITY")) {
				assertThat(environment).as(service).containsKey(variable);
				assertThat(environment.get(variable)).as(service + " " + variable).isNull();
			}
		}
	}

	@Test
	void everyContainerHasAMemoryLimit() throws IOException {
		services().forEach((name, service) -> assertThat(service).as(name).containsKey("mem_limit"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services() throws IOException {
		try (Reader reader = Files.newBufferedReader(COMPOSE_FILE)) {
			Map<String, Object> compose = new Yaml().load(reader);
			return (Map<String, Map<String, Object>>) compose.get("services");
		}
	}

	/**
	 * Each service's environment: its env files first, then its {@code environment},
	 * interpolated.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, String>> environments(Map<String, String> variables) throws IOException {
		Map<String, Map<String, String>> environments = new LinkedHashMap<>();
		services().forEach((name, definition) -> {
			Map<String, Object> service = definition;
			Map<String, String> environment = new LinkedHashMap<>();
			Object envFiles = service.get("env_file");
			for (Object file : (envFiles instanceof List<?> list) ? list
					: (envFiles != null) ? List.of(envFiles) : List.of()) {
				environment.putAll(
						envFile(COMPOSE_FILE.resolveSibling(ComposeVariables.interpolate((String) file, variables))));
			}
			Map<String, Object> declared = (Map<String, Object>) service.getOrDefault("environment", Map.of());
			declared.forEach((key, value) -> environment.put(key,
					ComposeVariables.interpolate(String.valueOf((value != null) ? value : ""), variables)));
			environments.put(name, environment);
		});
		return environments;
	}

	private static Map<String, String> envFile(Path file) {
		try {
			Map<String, String> entries = new LinkedHashMap<>();
			for (String line : Files.readAllLines(file)) {
				if (!line.isBlank() && !line.startsWith("#")) {
					int equals = line.indexOf('=');
					entries.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
				}
			}
			return entries;
		}
		catch (IOException ex) {
			throw new AssertionError("env file " + file + " is missing", ex);
		}
	}

}
