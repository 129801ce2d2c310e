package org.callcenter.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The old Node demo (opentok/opentok-video-call-center, {@code server.js}), run from a
 * checkout the user names, with its {@code node_modules} installed ({@code npm install
 * express@4 opentok@2 compression body-parser}), against the same emulator as the suite.
 * Its code never enters this repository. {@code server.js} makes
 * {@code new OpenTok(key, secret)}, which talks to the real OpenTok; a small wrapper
 * (written to {@code benchmarks/target/node-demo}) hands the SDK the emulator's address
 * as the third argument its constructor takes, then runs {@code server.js} unchanged.
 */
final class NodeDemo implements AutoCloseable {

	private static final String WRAPPER = """
			// Runs the old demo's server.js with its OpenTok SDK pointed at OPENTOK_API_URL.
			const path = require('path');
			const demo = path.resolve(process.argv[2]);
			const sdk = require.resolve('opentok', { paths: [demo] });
			const OpenTok = require(sdk);
			function Emulated(key, secret) {
			  return new OpenTok(key, secret, process.env.OPENTOK_API_URL);
			}
			Emulated.prototype = OpenTok.prototype;
			Object.assign(Emulated, OpenTok);
			require.cache[sdk].exports = Emulated;
			process.chdir(demo);
			require(path.join(demo, 'server.js'));
			""";

	private final Process process;

	private final URI url;

	private NodeDemo(Process process, URI url) {
		this.process = process;
		this.url = url;
	}

	static NodeDemo start(Path checkout, int port, String emulatorUrl, int apiKey, String apiSecret, Path logs)
			throws IOException, InterruptedException {
		if (!Files.isRegularFile(checkout.resolve("server.js"))
				|| !Files.isDirectory(checkout.resolve("node_modules").resolve("opentok"))) {
			throw new IllegalArgumentException(checkout + " is not a checkout of the old demo with its node_modules "
					+ "(server.js, node_modules/opentok)");
		}
		Path wrapper = Path.of("benchmarks", "target", "node-demo", "run-demo.js");
		Files.createDirectories(wrapper.getParent());
		Files.writeString(wrapper, WRAPPER);
		Files.createDirectories(logs);
		ProcessBuilder builder = new ProcessBuilder(
				List.of("node", wrapper.toAbsolutePath().toString(), checkout.toAbsolutePath().toString()))
			.redirectErrorStream(true)
			.redirectOutput(logs.resolve("node-demo.log").toFile());
		builder.environment()
			.putAll(Map.of("PORT", String.valueOf(port), "OPENTOK_API_KEY", String.valueOf(apiKey),
					"OPENTOK_API_SECRET", apiSecret, "OPENTOK_API_URL", emulatorUrl, "NODE_ENV", "production"));
		NodeDemo demo = new NodeDemo(builder.start(), URI.create("http://127.0.0.1:" + port));
		try {
			demo.awaitAgent();
		}
		catch (IOException | RuntimeException ex) {
			demo.close();
			throw ex;
		}
		return demo;
	}

	URI url() {
		return this.url;
	}

	/** The demo's one agent ({@code POST /agent}), so that dials are assigned. */
	private void awaitAgent() throws IOException, InterruptedException {
		byte[] agent = HttpConnection.request("POST", this.url, "/agent", Map.of("Content-Type", "application/json"),
				"{\"name\":\"Benchmark agent\"}");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (true) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the old demo exited; see benchmarks/target/logs/node-demo.log");
			}
			try (HttpConnection connection = new HttpConnection(this.url)) {
				HttpConnection.Response answer = connection.send(agent);
				if (answer.status() != 200) {
					throw new IllegalStateException("the old demo answered POST /agent with " + answer.status());
				}
				return;
			}
			catch (IOException notYet) {
				if (System.nanoTime() > deadline) {
					throw notYet;
				}
				Thread.sleep(200);
			}
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
