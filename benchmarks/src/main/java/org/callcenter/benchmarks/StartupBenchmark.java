package org.callcenter.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How long {@code ./run} takes to bring the whole call center up once built, and how much
 * memory the stack holds idle afterwards (issue 13: at most 30 s and 1.2 GB). It starts
 * the launcher with the very command {@code ./run} ends with (read from the script, so
 * the two cannot drift apart), times it from start until the launcher says the call
 * center is up (every service answered its health check), waits idle, then adds up the
 * resident memory of the launcher (which holds the Kafka broker) and every process under
 * it (Redis, the emulator, each service). Linux only ({@code /proc}). Run from the
 * repository root after {@code ./mvnw -DskipTests package}, with ports 8080-8085 free:
 * {@code java -jar benchmarks/target/benchmarks-*-exec.jar startup [idle seconds]}.
 */
final class StartupBenchmark {

	static final Duration START_TARGET = Duration.ofSeconds(30);

	static final long MEMORY_TARGET_BYTES = 1200L * 1024 * 1024;

	private StartupBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Duration idle = Duration.ofSeconds((args.length > 0) ? Long.parseLong(args[0]) : 30);
		List<String> command = launcherCommand(Path.of("run"));
		System.out.println("[benchmark] starting: " + String.join(" ", command));
		Path log = Path.of("benchmarks", "target", "startup-launcher.log");
		Files.createDirectories(log.getParent());
		Instant started = Instant.now();
		Process launcher = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			Duration upAfter = untilUp(launcher, log).get(3, TimeUnit.MINUTES);
			System.out.println("[benchmark] up after " + seconds(upAfter) + "; idle for " + idle.toSeconds() + " s");
			Thread.sleep(idle.toMillis());
			List<ProcessHandle> stack = Stream.concat(Stream.of(launcher.toHandle()), launcher.toHandle().descendants())
				.toList();
			long resident = stack.stream().mapToLong(StartupBenchmark::residentBytes).sum();
			String report = report(started, upAfter, idle, stack.size(), resident);
			System.out.println(report);
			Files.writeString(Path.of("benchmarks", "target", "startup-results.md"), report);
		}
		finally {
			launcher.toHandle().descendants().forEach(ProcessHandle::destroy);
			launcher.destroy();
			launcher.waitFor(30, TimeUnit.SECONDS);
		}
	}

	/** The command {@code ./run} ends with: its last {@code exec java ...} line. */
	static List<String> launcherCommand(Path runScript) throws IOException {
		String line = Files.readAllLines(runScript)
			.stream()
			.map(String::strip)
			.filter((text) -> text.startsWith("exec java "))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new IllegalStateException(runScript + " has no 'exec java' line"));
		List<String> command = new ArrayList<>();
		for (String word : line.substring("exec ".length()).split("\\s+")) {
			command.add(word.contains("*") ? expand(word) : word);
		}
		return command;
	}

	/** A jar named with a glob, as the script names it: the one file it matches. */
	private static String expand(String glob) throws IOException {
		Path path = Path.of(glob);
		try (var matches = Files.newDirectoryStream(path.getParent(), path.getFileName().toString())) {
			List<Path> found = new ArrayList<>();
			matches.forEach(found::add);
			if (found.size() != 1) {
				throw new IllegalStateException(glob + " matches " + found + ": build first with ./mvnw package");
			}
			return found.get(0).toString();
		}
	}

	/**
	 * Reads the launcher's output into {@code log} for as long as it runs (a full pipe
	 * would block it), and completes when it says the call center is up.
	 */
	private static CompletableFuture<Duration> untilUp(Process launcher, Path log) {
		long start = System.nanoTime();
		CompletableFuture<Duration> up = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader output = new BufferedReader(
					new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
					var written = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
				for (String line = output.readLine(); line != null; line = output.readLine()) {
					written.write(line);
					written.newLine();
					written.flush();
					if (line.contains("Video call center is up")) {
						up.complete(Duration.ofNanos(System.nanoTime() - start));
					}
				}
			}
			catch (IOException ex) {
				up.completeExceptionally(ex);
			}
			up.completeExceptionally(
					new IllegalStateException("the launcher stopped before the call center was up: see " + log));
		}, "launcher-output");
		reader.setDaemon(true);
		reader.start();
		return up;
	}

	static long residentBytes(ProcessHandle process) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException gone) {
			// a process that ended in the meantime holds nothing
		}
		return 0;
	}

	private static String report(Instant started, Duration upAfter, Duration idle, int processes, long resident) {
		MarkdownTable table = new MarkdownTable("measure", "figure", "target");
		table.row("`./run` after the build: until every service answers its health check", seconds(upAfter),
				"≤ " + seconds(START_TARGET));
		table.row("resident memory of the whole stack, " + idle.toSeconds() + " s idle after start (" + processes
				+ " processes)", megabytes(resident), "≤ " + megabytes(MEMORY_TARGET_BYTES));
		return "Measured " + started + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
				+ "the launcher started as ./run starts it.\n\n" + table.render();
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
	}

}
