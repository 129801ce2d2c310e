package org.callcenter.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml as Docker Compose resolves it (variables, env files, YAML merge keys), without
 * a Docker engine: a real OpenTok project's key and secret alone switch every service away from the
 * emulator, and without them every service finds it.
 */
class DockerComposeFileTest {

	private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");

	private static final String EMULATOR = "opentok-emulator";

	@Test
	void withOnlyARealProjectsKeyAndSecretNoServiceIsGivenTheEmulatorsAddress() throws IOException {
		Map<String, Map<String, String>> environments = environments(
				Map.of("OPENTOK_API_KEY", "47000001", "OPENTOK_API_SECRET", "0123456789abcdef0123456789abcdef01234567"));

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

	/** Each service's environment: its env files first, then its {@code environment}, interpolated. */
	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, String>> environments(Map<String, String> variables) throws IOException {
		Map<String, Object> compose;
		try (Reader reader = Files.newBufferedReader(COMPOSE_FILE)) {
			compose = new Yaml().load(reader);
		}
		Map<String, Map<String, String>> environments = new LinkedHashMap<>();
		((Map<String, Object>) compose.get("services")).forEach((name, definition) -> {
			Map<String, Object> service = (Map<String, Object>) definition;
			Map<String, String> environment = new LinkedHashMap<>();
			Object envFiles = service.get("env_file");
			for (Object file : (envFiles instanceof List<?> list) ? list : (envFiles != null) ? List.of(envFiles) : List.of()) {
				environment.putAll(envFile(COMPOSE_FILE.resolveSibling(ComposeVariables.interpolate((String) file, variables))));
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
