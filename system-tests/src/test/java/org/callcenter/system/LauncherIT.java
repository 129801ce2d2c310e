package org.callcenter.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one-command launcher, as a new user runs it: it brings the whole suite up on its
 * standard ports, a caller can dial through the gateway, and stopping it leaves no
 * process behind. A port already taken is named in a clear error. The launcher's jar sits
 * beside the services' jars as in {@code launcher/target} (the build copies both into
 * {@code target/suite}), and runs in a directory of its own, where it keeps {@code data/}
 * and {@code logs/}.
 */
class LauncherIT {

	private static final Path LAUNCHER = Path.of(System.getProperty("callcenter.launcher-jar")).toAbsolutePath();

	private static final Path WORKING_DIRECTORY = Path.of("target", "launcher-run").toAbsolutePath();

	private static final String KAFKA_PASSWORD = "launcher-test-kafka-password";

	private static final List<Integer> PORTS = List.of(8080, 8082, 8083, 8084, 9911, 6390);

	@Test
	void theLauncherRunsTheSuiteAndLeavesNoProcessBehind() throws Exception {
		assumeStandardPortsFree();
		Path output = Files.createTempFile("launcher", ".log");
		Process launcher = launch(output);
		try {
			await().atMost(Duration.ofMinutes(4))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> Files.readString(output).contains("Video call center is up") || !launcher.isAlive());
			assertThat(Files.readString(output)).contains("Video call center is up",
					"http://localhost:8080/caller.html", "sign in as alice, bob or carol");
			List<ProcessHandle> children = launcher.descendants().toList();
			assertThat(children).hasSizeGreaterThanOrEqualTo(5);
			// secrets travel by environment: a command line is readable by every local
			// user (ps)
			assertThat(children).allSatisfy(
					(child) -> assertThat(child.info().commandLine().orElse("")).doesNotContainIgnoringCase("secret")
						.doesNotContain(KAFKA_PASSWORD));
			// its own Kafka asks the services to sign in (SASL/SCRAM), with the password
			// it was given
			assertThat(Files.readString(output)).contains("SASL/SCRAM", "(user callcenter)");
			// only the gateway faces the network; the other services listen on loopback
			// alone
			for (int internal : List.of(8082, 8083, 8084, 9911)) {
				assertThat(listening(internal)).as("port %d", internal).isNotEmpty().allMatch(LauncherIT::loopback);
			}
			assertThat(listening(8080)).anyMatch((address) -> !loopback(address));

			HttpResponse<String> dial = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/api/calls"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"name\":\"New user\",\"reason\":\"trying it out\",\"mode\":\"audioVideo\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(dial.statusCode()).isEqualTo(201);
			assertThat(dial.body()).contains("\"state\":\"WAITING\"", "\"callerToken\"");

			launcher.destroy(); // SIGTERM, as Ctrl-C would
			assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).isTrue();
			await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
		}
		finally {
			launcher.descendants().forEach(ProcessHandle::destroyForcibly);
			launcher.destroyForcibly();
		}
	}

	@Test
	void aPortInUseIsNamedInAClearError() throws Exception {
		assumeStandardPortsFree();
		Path output = Files.createTempFile("launcher", ".log");
		try (ServerSocket taken = new ServerSocket(8083, 1, InetAddress.getByName("0.0.0.0"))) {
			Process launcher = launch(output);
			assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(launcher.exitValue()).isNotZero();
			assertThat(Files.readString(output)).contains("port 8083 (token-service) is already in use");
		}
	}

	private static Process launch(Path output) throws IOException {
		ProcessBuilder launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", LAUNCHER.toString())
			.directory(Files.createDirectories(WORKING_DIRECTORY).toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		launcher.environment().put("KAFKA_PASSWORD", KAFKA_PASSWORD);
		return launcher.start();
	}

	private static void assumeStandardPortsFree() {
		for (int port : PORTS) {
			try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
				probe.setReuseAddress(true);
			}
			catch (IOException ex) {
				Assumptions.abort("port " + port + " is taken on this machine; the launcher needs it");
			}
		}
	}

	/**
	 * The local addresses (hex, as the kernel lists them) of the sockets listening on a
	 * port.
	 */
	private static List<String> listening(int port) throws IOException {
		List<String> addresses = new java.util.ArrayList<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
				String[] columns = line.trim().split("\\s+");
				String[] local = columns[1].split(":");
				if ("0A".equals(columns[3]) && Integer.parseInt(local[1], 16) == port) {
					addresses.add(local[0]);
				}
			}
		}
		return addresses;
	}

	private static boolean loopback(String hexAddress) {
		return hexAddress.equals("0100007F") || hexAddress.equals("00000000000000000000000001000000")
				|| hexAddress.equals("0000000000000000FFFF00000100007F");
	}

}
