package org.callcenter.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port that stands in for another service: it
 * records every request it receives and answers each with what its {@link Handler} says,
 * as JSON. The stubs of the services build on it (the gateway's queue-service,
 * queue-service's token-service), so a test talks to them over real HTTP.
 */
public final class StubHttpServer implements AutoCloseable {

	private final HttpServer server;

	private final Handler handler;

	private final List<Request> received = new CopyOnWriteArrayList<>();

	/**
	 * Starts answering the requests under {@code path} on {@code threads} threads (the
	 * JDK server answers one at a time without).
	 */
	public StubHttpServer(String path, int threads, Handler handler) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.handler = handler;
		this.server.setExecutor(Executors.newFixedThreadPool(threads));
		this.server.createContext(path, this::handle);
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Every request received since the last {@link #clear()}, oldest first. */
	public List<Request> received() {
		return List.copyOf(this.received);
	}

	/** Forgets what was received. */
	public void clear() {
		this.received.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
			this.received.add(request);
			Reply reply = this.handler.answer(request);
			byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(reply.status(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** What the stubbed service answers. */
	@FunctionalInterface
	public interface Handler {

		Reply answer(Request request) throws IOException;

	}

	/**
	 * One request as the service received it; header names as the JDK server keeps them
	 * (first letter upper), so look them up with {@link #header(String)}.
	 */
	public record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {

		/** The first value of header {@code name} (any case), or null. */
		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((header) -> header.getKey().equalsIgnoreCase(name))
				.map((header) -> header.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	/** A status and a JSON body. */
	public record Reply(int status, String body) {

	}

}
