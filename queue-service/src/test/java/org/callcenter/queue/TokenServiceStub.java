package org.callcenter.queue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.tokens.OpenTokSession;
import org.callcenter.contracts.tokens.SessionToken;
import org.callcenter.contracts.tokens.TokenRequest;
import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

/**
 * Stands in for token-service at its HTTP contract (contracts module,
 * {@code TokenServiceApi}), so queue-service is tested over real HTTP without an OpenTok
 * account. Tokens are opaque strings that name the session and user, which lets tests
 * check who a token was made for. Like token-service, it answers 401 to a request without
 * a signed service identity ({@link QueueClient#SECRET}). It can be told to fail, to test
 * that a token-service outage changes nothing.
 */
final class TokenServiceStub implements AutoCloseable {

	private static final Pattern TOKENS = Pattern.compile("/sessions/([^/]+)/tokens");

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final AtomicBoolean failing = new AtomicBoolean();

	private final List<String> createdSessionIds = new CopyOnWriteArrayList<>();

	private final AtomicBoolean refusingTokens = new AtomicBoolean();

	private final SignedCredentials credentials = new SignedCredentials(QueueClient.SECRET, Clock.systemUTC());

	private final List<String> senders = new CopyOnWriteArrayList<>();

	private final List<String> traceParents = new CopyOnWriteArrayList<>();

	TokenServiceStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newFixedThreadPool(8));
		this.server.createContext("/sessions", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void failing(boolean failing) {
		this.failing.set(failing);
	}

	/**
	 * Answer token requests with 400, as token-service does for a session of another
	 * OpenTok project.
	 */
	void refusingTokens(boolean refusing) {
		this.refusingTokens.set(refusing);
	}

	int sessionsCreated() {
		return this.createdSessionIds.size();
	}

	/** Every session created so far, in order. */
	List<String> createdSessionIds() {
		return List.copyOf(this.createdSessionIds);
	}

	/** The services whose signed identities came with the requests so far, in order. */
	List<String> senders() {
		return List.copyOf(this.senders);
	}

	/**
	 * The trace context of every request received, in order ({@code traceparent}; ""
	 * without one).
	 */
	List<String> traceParents() {
		return List.copyOf(this.traceParents);
	}

	static String tokenFor(String sessionId, String userType, String userId) {
		return "stub-token:" + sessionId + ":" + userType + ":" + userId;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Optional<String> sender = this.credentials.verify(Purpose.SERVICE,
					exchange.getRequestHeaders().getFirst(SignedCredentials.SERVICE_HEADER));
			if (sender.isEmpty()) {
				reply(exchange, 401, "{\"title\":\"Unauthorized\"}");
				return;
			}
			this.senders.add(sender.get());
			String traceParent = exchange.getRequestHeaders().getFirst("traceparent");
			this.traceParents.add((traceParent != null) ? traceParent : "");
			if (this.failing.get()) {
				reply(exchange, 502, "{\"title\":\"OpenTok unavailable\"}");
				return;
			}
			String path = exchange.getRequestURI().getPath();
			Matcher tokens = TOKENS.matcher(path);
			if ("POST".equals(exchange.getRequestMethod()) && "/sessions".equals(path)) {
				String sessionId = "1_stub-" + UUID.randomUUID();
				this.createdSessionIds.add(sessionId);
				reply(exchange, 201, this.json.writeValueAsString(new OpenTokSession("12345678", sessionId)));
			}
			else if ("POST".equals(exchange.getRequestMethod()) && tokens.matches() && this.refusingTokens.get()) {
				reply(exchange, 400, "{\"title\":\"Bad Request\"}");
			}
			else if ("POST".equals(exchange.getRequestMethod()) && tokens.matches()) {
				TokenRequest request = this.json.readValue(exchange.getRequestBody(), TokenRequest.class);
				String sessionId = tokens.group(1);
				reply(exchange, 201,
						this.json.writeValueAsString(new SessionToken("12345678", sessionId,
								tokenFor(sessionId, request.userType().name(), request.userId()),
								Instant.now().plusSeconds(3600))));
			}
			else {
				reply(exchange, 404, "{}");
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

}
