package org.callcenter.localinfra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A KRaft broker in this JVM: its storage is formatted ({@link StorageTool#execute}) and
 * the server ({@link KafkaRaftServer}) started by plain calls, in a temporary directory
 * only this user can read (its configuration may hold passwords) that {@link #close}
 * deletes.
 */
final class KraftBroker implements AutoCloseable {

	private final Path home;

	private final KafkaRaftServer server;

	private KraftBroker(Function<Path, Properties> settings, List<String> formatArguments) {
		try {
			this.home = Files.createTempDirectory("callcenter-kafka",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			Properties config = settings.apply(this.home);
			Path file = this.home.resolve("server.properties");
			try (Writer out = Files.newBufferedWriter(file)) {
				config.store(out, "a local Kafka broker; may hold its passwords: owner only");
			}
			format(file, formatArguments);
			this.server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
			this.server.startup();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Formats a new storage with {@code settings} (given the broker's home directory,
	 * where its logs belong) and {@code formatArguments} (such as {@code --add-scram}),
	 * then starts the broker.
	 */
	static KraftBroker start(Function<Path, Properties> settings, List<String> formatArguments) {
		return new KraftBroker(settings, formatArguments);
	}

	private static void format(Path config, List<String> formatArguments) {
		List<String> arguments = new ArrayList<>(
				List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
		arguments.addAll(formatArguments);
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int status = StorageTool.execute(arguments.toArray(String[]::new),
				new PrintStream(output, true, StandardCharsets.UTF_8));
		if (status != 0) {
			throw new IllegalStateException(
					"could not format Kafka's storage: " + output.toString(StandardCharsets.UTF_8));
		}
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
		try (Stream<Path> files = Files.walk(this.home)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind is harmless
		}
	}

}
