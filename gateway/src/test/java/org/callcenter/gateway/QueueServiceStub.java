package org.callcenter.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for queue-service (and callback-service) behind the gateway: a real HTTP
 * server on a free loopback port that answers what the gateway forwards and records every
 * request but the load balancer's health checks, so a test can tell what got through the
 * gateway and as whom.
 */
public final class QueueServiceStub implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile Duration heartbeatDelay = Duration.ZERO;

	QueueServiceStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Requests received since the last {@link #clear()}, oldest first. */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	public List<Received> received(String method, String pathPrefix) {
		return this.received.stream()
			.filter((request) -> request.method().equals(method) && request.path().startsWith(pathPrefix))
			.toList();
	}

	/**
	 * Answers agents' heartbeats only after {@code delay}, as a queue-service under load
	 * might.
	 */
	public void slowHeartbeats(Duration delay) {
		this.heartbeatDelay = delay;
	}

	/** Forgets what was received and answers at once again. */
	public void clear() {
		this.received.clear();
		this.heartbeatDelay = Duration.ZERO;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			exchange.getRequestBody().readAllBytes();
			if (path.equals("/actuator/health")) {
				reply(exchange, 200, "{\"status\":\"UP\"}");
				return;
			}
			Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
			this.received.add(new Received(method, path, headers));
			if (path.endsWith("/heartbeat") && !this.heartbeatDelay.isZero()) {
				try {
					Thread.sleep(this.heartbeatDelay.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			if (method.equals("POST") && path.equals("/api/calls")) {
				reply(exchange, 201, "{\"call\":{\"id\":\"" + UUID.randomUUID() + "\",\"state\":\"WAITING\"}}");
			}
			else {
				reply(exchange, 200, "{}");
			}
		}
	}

	private static void reply(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One request as the service received it; header names as the JDK server keeps them
	 * (first letter upper).
	 */
	public record Received(String method, String path, Map<String, List<String>> headers) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((header) -> header.getKey().equalsIgnoreCase(name))
				.map((header) -> header.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

}
