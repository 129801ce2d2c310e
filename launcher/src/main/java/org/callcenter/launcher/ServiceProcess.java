package org.callcenter.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service of the suite in a JVM of its own, started from its executable jar, as it
 * would be deployed; its output goes to a log file. {@link #awaitHealthy} waits for
 * {@code /actuator/health}.
 */
final class ServiceProcess implements AutoCloseable {

	private final String name;

	private final int port;

	private final ProcessBuilder builder;

	private final Path log;

	/**
	 * Each service's JVM, chosen by measurement on a 2-core machine (docs/benchmarks.md):
	 * a heap that starts small and grows as needed (by default the JVM commits 1/64 of
	 * the machine's memory at start, 370 MB on 24 GB, for services that use 50 to 130
	 * MB), the serial collector (these heaps are small; G1's regions and threads cost
	 * memory and CPU that buy nothing here) and the C1 compiler only (C2 spent both cores
	 * for the first minute after start, leaving dials at a third of their rate).
	 * Together: the whole stack idles at about 1.25 GB instead of 1.7 GB and dials about
	 * 30 % faster.
	 */
	static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	/**
	 * The gateway holds every page's event stream open, about 30 KB of heap each with
	 * Spring WebFlux and Security (measured with 10,000 waiting callers' streams): it may
	 * grow to 1 GB. The others stay small. A heap grows only as far as it is used.
	 */
	static String maxHeap(String name) {
		return name.startsWith("gateway") ? "-Xmx1g" : "-Xmx384m";
	}

	private volatile Process process;

	private ServiceProcess(String name, int port, ProcessBuilder builder, Path log) throws IOException {
		this.name = name;
		this.port = port;
		this.builder = builder;
		this.log = log;
		this.process = builder.start();
	}

	/**
	 * {@code secrets} go to the service's environment, where only its own user can read
	 * them.
	 */
	static ServiceProcess start(String name, Path jar, int port, Path logs, java.util.Map<String, String> secrets,
			List<String> arguments) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("missing " + jar + ": build first with ./mvnw -DskipTests package");
		}
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		command.add(maxHeap(name));
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
		command.addAll(arguments);
		try {
			Files.createDirectories(logs);
			Path log = logs.resolve(name + ".log");
			// appended to, so a restarted service's log follows its earlier life
			Files.deleteIfExists(log);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(secrets);
			return new ServiceProcess(name, port, builder, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start " + name, ex);
		}
	}

	String name() {
		return this.name;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	Path log() {
		return this.log;
	}

	void awaitHealthy(Duration patience) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		Instant deadline = Instant.now().plus(patience);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited; see " + this.log);
			}
			try {
				HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			pause();
		}
		throw new IllegalStateException(this.name + " was not healthy within " + patience + "; see " + this.log);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** Kills the service at once (SIGKILL), as a crash or an out-of-memory kill would. */
	void kill() {
		try {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Starts the service again, as before, after it stopped or was killed. */
	void restart() {
		if (this.process.isAlive()) {
			throw new IllegalStateException(this.name + " is still running");
		}
		try {
			this.process = this.builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not restart " + this.name, ex);
		}
	}

	/**
	 * Asks the service to stop (SIGTERM: a graceful shutdown), then makes sure it has.
	 */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
