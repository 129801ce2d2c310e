package org.callcenter.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * Receives session-monitoring callbacks as an application would; can fail the first
 * deliveries.
 */
final class CallbackReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private volatile String failingSession = "";

	CallbackReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/ot_callback", (exchange) -> {
			try (exchange) {
				byte[] body = exchange.getRequestBody().readAllBytes();
				boolean fail = new String(body, java.nio.charset.StandardCharsets.UTF_8).contains(this.failingSession)
						&& this.failuresLeft.getAndUpdate((n) -> Math.max(0, n - 1)) > 0;
				this.deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst("Authorization"), !fail));
				exchange.sendResponseHeaders(fail ? 503 : 200, -1);
			}
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/ot_callback";
	}

	/** Answers 503 to the next deliveries about one session. */
	void failNext(int deliveries, String sessionId) {
		this.failingSession = sessionId;
		this.failuresLeft.set(deliveries);
	}

	List<Delivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	void clear() {
		this.deliveries.clear();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Delivery(byte[] body, String authorization, boolean accepted) {

		String text() {
			return new String(this.body, java.nio.charset.StandardCharsets.UTF_8);
		}

	}

}
