package org.callcenter.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the OpenTok emulator's signalling socket, speaking the protocol its browser
 * library speaks, for tests that need a connected client without a browser. It records
 * every message.
 */
public final class EmulatedBrowser implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();

	private final WebSocket socket;

	private volatile boolean closed;

	private EmulatedBrowser(String emulatorUrl) throws Exception {
		URI uri = URI.create(emulatorUrl.replaceFirst("^http", "ws") + "/opentok-emulator/ws");
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(uri, new Listener())
			.get(10, TimeUnit.SECONDS);
	}

	/**
	 * Opens the socket and sends {@code connect}; check {@link #connectionId()} or the
	 * error received.
	 */
	public static EmulatedBrowser connect(String emulatorUrl, String apiKey, String sessionId, String token)
			throws Exception {
		EmulatedBrowser browser = new EmulatedBrowser(emulatorUrl);
		browser.send(Map.of("type", "connect", "apiKey", apiKey, "sessionId", sessionId, "token", token));
		return browser;
	}

	public void send(Map<String, ?> message) {
		this.socket.sendText(JSON.writeValueAsString(message), true).join();
	}

	public List<Map<String, Object>> received() {
		return List.copyOf(this.received);
	}

	public List<Map<String, Object>> received(String type) {
		return this.received.stream().filter((m) -> type.equals(m.get("type"))).toList();
	}

	public boolean has(Predicate<Map<String, Object>> match) {
		return this.received.stream().anyMatch(match);
	}

	/**
	 * The connection id the emulator gave, once {@code connected} arrived; null before or
	 * if refused.
	 */
	@SuppressWarnings("unchecked")
	public String connectionId() {
		return received("connected").stream()
			.findFirst()
			.map((m) -> (String) ((Map<String, Object>) m.get("connection")).get("connectionId"))
			.orElse(null);
	}

	public boolean isClosed() {
		return this.closed;
	}

	@Override
	public void close() {
		if (!this.closed) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS);
		}
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		@SuppressWarnings("unchecked")
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				EmulatedBrowser.this.received.add(JSON.readValue(this.partial.toString(), Map.class));
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			EmulatedBrowser.this.closed = true;
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			EmulatedBrowser.this.closed = true;
		}

	}

	/** How long tests usually wait for the emulator. */
	public static final Duration PATIENCE = Duration.ofSeconds(10);

}
