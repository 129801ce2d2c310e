package org.callcenter.queue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.tokens.OpenTokSession;
import org.callcenter.contracts.tokens.SessionToken;
import org.callcenter.contracts.tokens.TokenRequest;
import org.callcenter.testsupport.StubHttpServer;
import org.callcenter.testsupport.StubHttpServer.Reply;
import org.callcenter.testsupport.StubHttpServer.Request;
import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

/**
 * Stands in for token-service at its HTTP contract (contracts module,
 * {@code TokenServiceApi}), so queue-service is tested over real HTTP without an OpenTok
 * account. Tokens have the SDK's {@code T1==} form, unsigned: they name the session and
 * carry the connection data, which lets tests check who a token was made for
 * ({@link #connectionData}). Tokens last an hour, plus the request's {@code heldFor}.
 * Like token-service, it answers 401 to a request without a signed service identity
 * ({@link QueueClient#SECRET}). It can be told to fail, to test that a token-service
 * outage changes nothing.
 */
final class TokenServiceStub implements AutoCloseable {

	private static final Pattern TOKENS = Pattern.compile("/sessions/([^/]+)/tokens");

	/** How long a token lasts once it is handed out, as token-service's default. */
	static final Duration LIFETIME = Duration.ofHours(1);

	private final JsonMapper json = JsonMapper.builder().build();

	private final AtomicBoolean failing = new AtomicBoolean();

	private final List<String> createdSessionIds = new CopyOnWriteArrayList<>();

	private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();

	private final AtomicBoolean refusingTokens = new AtomicBoolean();

	private final SignedCredentials credentials = new SignedCredentials(QueueClient.SECRET, Clock.systemUTC());

	private final List<String> senders = new CopyOnWriteArrayList<>();

	private final List<String> traceParents = new CopyOnWriteArrayList<>();

	/** Last, so that it answers only once every field is set. */
	private final StubHttpServer server = new StubHttpServer("/sessions", 8, this::answer);

	String url() {
		return this.server.url();
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

	/** Every token request answered with a token so far, in order. */
	List<TokenRequest> tokenRequests() {
		return List.copyOf(this.tokenRequests);
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

	/** The token this stub makes for the user of a session. */
	static String tokenFor(String sessionId, String userType, String userId) {
		String data = "{\"userId\":\"" + userId + "\",\"userType\":\"" + userType + "\"}";
		String signed = "session_id=" + sessionId + "&role=publisher&connection_data="
				+ URLEncoder.encode(data, StandardCharsets.UTF_8);
		return "T1==" + Base64.getUrlEncoder()
			.encodeToString(("partner_id=12345678&sig=stub:" + signed).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The connection data of a {@code T1==} token, as the SDK writes it (and the emulator
	 * reads it): URL-safe Base64 of {@code partner_id=…&sig=…:} and then URL-encoded
	 * fields, one of them {@code connection_data}.
	 */
	static JsonNode connectionData(String token) {
		String inner = new String(Base64.getUrlDecoder().decode(token.substring("T1==".length())),
				StandardCharsets.UTF_8);
		for (String field : inner.substring(inner.indexOf(':') + 1).split("&")) {
			if (field.startsWith("connection_data=")) {
				return JsonMapper.builder()
					.build()
					.readTree(URLDecoder.decode(field.substring("connection_data=".length()), StandardCharsets.UTF_8));
			}
		}
		throw new IllegalArgumentException("no connection data in " + token);
	}

	private Reply answer(Request request) {
		Optional<String> sender = this.credentials.verify(Purpose.SERVICE,
				request.header(SignedCredentials.SERVICE_HEADER));
		if (sender.isEmpty()) {
			return new Reply(401, "{\"title\":\"Unauthorized\"}");
		}
		this.senders.add(sender.get());
		String traceParent = request.header("traceparent");
		this.traceParents.add((traceParent != null) ? traceParent : "");
		if (this.failing.get()) {
			return new Reply(502, "{\"title\":\"OpenTok unavailable\"}");
		}
		Matcher tokens = TOKENS.matcher(request.path());
		if ("POST".equals(request.method()) && "/sessions".equals(request.path())) {
			String sessionId = "1_stub-" + UUID.randomUUID();
			this.createdSessionIds.add(sessionId);
			return new Reply(201, this.json.writeValueAsString(new OpenTokSession("12345678", sessionId)));
		}
		if ("POST".equals(request.method()) && tokens.matches() && this.refusingTokens.get()) {
			return new Reply(400, "{\"title\":\"Bad Request\"}");
		}
		if ("POST".equals(request.method()) && tokens.matches()) {
			TokenRequest token = this.json.readValue(request.body(), TokenRequest.class);
			this.tokenRequests.add(token);
			String sessionId = tokens.group(1);
			Duration heldFor = (token.heldFor() != null) ? token.heldFor() : Duration.ZERO;
			return new Reply(201,
					this.json.writeValueAsString(new SessionToken("12345678", sessionId,
							tokenFor(sessionId, token.userType().name(), token.userId()),
							Instant.now().plus(LIFETIME).plus(heldFor))));
		}
		return new Reply(404, "{}");
	}

	@Override
	public void close() {
		this.server.close();
	}

}
