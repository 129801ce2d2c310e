package org.callcenter.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import org.callcenter.localinfra.FreePorts;
import org.callcenter.localinfra.KraftSettings;

/**
 * A real Kafka broker (KRaft, single node, {@link KraftSettings#plaintext}) in a process
 * of its own, from the kafka jars on the class path, for tests that stop it and start it
 * again: it keeps its cluster id and log directory, so clients see the same broker come
 * back, as after a real outage.
 */
public final class KafkaProcess implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(60);

	private final int port = FreePorts.next();

	private final Path config;

	private Process process;

	private KafkaProcess() {
		try {
			Path home = Files.createTempDirectory("kafka-process");
			int controllerPort = FreePorts.next();
			this.config = home.resolve("server.properties");
			try (Writer out = Files.newBufferedWriter(this.config)) {
				KraftSettings.plaintext(this.port, controllerPort, home.resolve("logs")).store(out, null);
			}
			run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
					this.config.toString()), home.resolve("format.log"))
				.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		launch();
	}

	public static KafkaProcess start() {
		return new KafkaProcess();
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** Starts the broker (again) and waits until it answers. */
	public void startAgain() {
		launch();
	}

	private void launch() {
		try {
			this.process = run(List.of("kafka.Kafka", this.config.toString()),
					this.config.resolveSibling("broker.log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Instant deadline = Instant.now().plus(STARTUP);
		while (Instant.now().isBefore(deadline)) {
			if (answers()) {
				return;
			}
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Kafka exited; see " + this.config.resolveSibling("broker.log"));
			}
			sleep(200);
		}
		throw new IllegalStateException("Kafka did not start within " + STARTUP);
	}

	/** Stops the broker process and waits until it is gone. */
	public void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	@Override
	public void close() {
		stop();
	}

	private boolean answers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
		}
		catch (IOException ex) {
			return false;
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				2000))) {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static Process run(List<String> mainAndArgs, Path log) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new java.util.ArrayList<>(
				List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path")));
		command.addAll(mainAndArgs);
		Process started = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
		return started;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
