package org.callcenter.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input nobody well-meaning sends, at every endpoint the gateway offers the public,
 * written on the socket as it comes (a client library would refuse most of it): malformed
 * and wrongly typed JSON, wildcard, wrong and missing content types, huge and chunked
 * bodies, odd ids, paths, credentials and methods. At least 1,000 requests per endpoint;
 * each gets a 4xx (or a redirect to the sign-in page), never a 5xx, and the call center
 * is the same afterwards. Requests come from many loopback addresses so that the dial
 * limit (per address) lets most of them through to the checks behind it.
 */
class HostileGatewayIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PER_ENDPOINT = 1000;

	private static final String[] CONTENT_TYPES = { "*/*", "application/*", "text/plain", "application/xml",
			"multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=bogus",
			null, "not a type", "application/json", "application/json", "application/json" };

	private static final String[] BAD_BODIES = { "", "{", "}", "null", "[]", "[{}]", "\"text\"", "42", "true",
			"{\"name\":-1,\"mode\":\"audioOnly\"}", "{\"name\":\"Ann\",\"reason\":false,\"mode\":\"audioOnly\"}",
			"{\"name\":\"Ann\",\"mode\":0}", "{\"name\":\"Ann\",\"mode\":1.5}", "{\"name\":{},\"mode\":\"audioOnly\"}",
			"{\"name\":[\"Ann\"],\"mode\":\"audioOnly\"}", "{\"name\":\"Ann\",\"mode\":\"AUDIOONLY\"}",
			"{\"name\":\"Ann\",\"mode\":null}", "{\"name\":null,\"mode\":\"audioOnly\"}",
			"{\"name\":\"\",\"mode\":\"audioOnly\"}", "{\"displayName\":7}", "{\"displayName\":[]}",
			"{\"connectionId\":5}", "{\"connectionId\":\"a b\"}", "{\"name\":\"Ann\"" + ",\"x\":1".repeat(2000) + "}",
			"{\"name\":\"" + "A".repeat(100_000) + "\"}", "\u0000\u0001\u0002",
			"{\"name\":\"Ann\",\"mode\":\"audioOnly\"} trailing", "username=&password=",
			"username=" + "u".repeat(5000) + "&password=x", "%%%",
			"{\"sessionId\":\"1_x\",\"event\":\"connectionDestroyed\"}" };

	/** Percent-encoded, as any HTTP client sends them. */
	private static final String[] ODD_IDS = { "%00", "..%2f..%2fetc%2fpasswd", "9".repeat(3000), "%2e%2e", "a%20b",
			"%ff%fe", "00000000-0000-0000-0000-000000000000", "%3Cscript%3E", "'%20OR%201=1", "%0d%0aSet-Cookie:x=y" };

	private static final String[] METHODS = { "PATCH", "DELETE", "PUT", "TRACE", "OPTIONS", "GET", "PROPFIND" };

	/** Without DELETE, which is the agent's own (legitimate) "go offline". */
	private static final String[] AGENT_METHODS = { "PATCH", "PUT", "TRACE", "OPTIONS", "GET", "PROPFIND", "HEAD" };

	private final URI gateway = URI.create(RunningSuite.get().gatewayUrl());

	private final Random random = new Random(11);

	private final List<String> unexpected = new ArrayList<>();

	private int sent;

	private int nextAddress = 1;

	private SignedInAgent alice;

	@BeforeEach
	void quiet() {
		QuietQueue.await();
	}

	@AfterEach
	void cleanUp() throws Exception {
		if (this.alice != null) {
			this.alice.signOut();
		}
		QuietQueue.await();
	}

	@Test
	void thousandsOfHostileRequestsAtEveryPublicEndpointGetNo5xxAndChangeNothing() throws Exception {
		this.alice = SignedInAgent.signIn(this.gateway.toString(), "alice", "demo");
		// her console stays open (its stream keeps her alive) for the whole run, longer
		// than the grace period
		this.alice.openEvents();
		JsonNode dialed = JSON.readTree(send(fresh(), "POST", "/api/calls", "application/json",
				"{\"name\":\"Ann\",\"mode\":\"audioOnly\"}", Map.of())
			.body());
		String callId = dialed.get("call").get("id").asString();
		String credential = "Bearer " + dialed.get("callerToken").asString();
		int liveBefore = ServerState.liveCalls();
		String stateBefore = ServerState.call(callId).get("state").asString();
		String session = "SESSION=" + this.alice.sessionCookie();
		String otherCaller = "Bearer " + new SignedCredentials(RunningSuite.SECRET, Clock.systemUTC())
			.issue(Purpose.CALLER, "00000000-0000-0000-0000-000000000000", Duration.ofMinutes(5));
		String[] authorizations = { null, "", "Bearer", "Bearer x.y.z", "Bearer " + "a".repeat(5000),
				"Basic YWxpY2U6ZGVtbw==", "Bearer eyJhbGciOiJub25lIn0.bnVsbA.", otherCaller, "Bearer v1.CALLER.e30.1.x",
				credential + "x" };

		// the anonymous dial, from many addresses (the limit is per address)
		hammer("POST /api/calls",
				(i) -> new Request(address(i / 15), "POST", "/api/calls", contentType(), body(), Map.of()));
		// the caller's own endpoints: with its credential (bad bodies), or with odd
		// credentials
		hammer("POST /api/calls/{id}/connection",
				(i) -> new Request(fresh(), pick(METHODS, "POST", 4), "/api/calls/" + callId + "/connection",
						contentType(), body(),
						header("Authorization", (i % 3 == 0) ? pick(authorizations) : credential)));
		hammer("POST /api/calls/{id}/event-tickets",
				(i) -> new Request(fresh(), pick(METHODS, "POST", 4),
						"/api/calls/" + ((i % 4 == 0) ? pick(ODD_IDS) : callId) + "/event-tickets", contentType(),
						body(), header("Authorization", pick(authorizations))));
		hammer("GET /api/calls/{id}/events",
				(i) -> new Request(fresh(), pick(METHODS, "GET", 4),
						"/api/calls/" + ((i % 4 == 0) ? pick(ODD_IDS) : callId) + "/events"
								+ pick(new String[] { "", "?ticket=", "?ticket=x", "?token=" + credential.substring(7),
										"?ticket=" + credential.substring(7), "?ticket=%00",
										"?ticket=v1.CALLER_EVENTS.e30.9999999999.x" }),
						null, "", Map.of()));
		hammer("GET /api/calls/{id}",
				(i) -> new Request(fresh(), pick(METHODS, "GET", 2),
						"/api/calls/" + ((i % 2 == 0) ? pick(ODD_IDS) : callId) + ((i % 5 == 0) ? "/leave/extra" : ""),
						contentType(), body(), header("Authorization", pick(authorizations))));
		// the agent's API, signed in (bad bodies, odd callers) and not
		hammer("/api/agent/**",
				(i) -> new Request(fresh(), pick(AGENT_METHODS, "PUT", 3),
						pick(new String[] { "/api/agent", "/api/agent/callers/" + pick(ODD_IDS) + "/accept",
								"/api/agent/callers/" + callId + "/hold",
								"/api/agent/callers/" + pick(ODD_IDS) + "/end", "/api/agent/callers", "/api/queue" }),
						contentType(), body(), (i % 3 == 0) ? Map.of() : header("Cookie", session)));
		// OpenTok's callbacks, unsigned, badly signed, malformed
		hammer("POST /ot_callback", (i) -> new Request(fresh(), pick(METHODS, "POST", 5), "/ot_callback", contentType(),
				body(), header("Authorization", pick(authorizations))));
		// sign-in and sign-out forms, from one address (wrong passwords are throttled per
		// address)
		hammer("POST /login", (i) -> new Request(address(250), pick(METHODS, "POST", 5), "/login", contentType(),
				pick(new String[] { "", "username=", "username=&password=", "password=x", "username=%ff&password=%",
						"username=" + "m".repeat(70) + "&password=" + "p".repeat(100),
						"username=nobody" + "&x=1".repeat(500), body() }),
				Map.of()));
		hammer("POST /logout",
				(i) -> new Request(fresh(), pick(METHODS, "POST", 5), "/logout", contentType(), body(), Map.of()));
		// odd paths
		hammer("odd paths",
				(i) -> new Request(fresh(), pick(METHODS, "GET", 2),
						pick(new String[] { "/", "/api", "/api/", "/api/calls/", "/%2e%2e/%2e%2e/etc/passwd",
								"/caller.html/..", "/agent.html?x=" + "y".repeat(4000), "/actuator/../actuator/env",
								"/actuator/health/%00", "/opentok-emulator/" + pick(ODD_IDS), "/js/" + pick(ODD_IDS),
								"//api//calls", "/api/calls;jsessionid=x" }),
						contentType(), "", Map.of()));

		assertThat(this.sent).isGreaterThanOrEqualTo(10 * PER_ENDPOINT);
		assertThat(this.unexpected).as("5xx answers").isEmpty();
		assertThat(ServerState.liveCalls()).as(QuietQueue.snapshot()).isEqualTo(liveBefore);
		assertThat(ServerState.call(callId).get("state").asString()).isEqualTo(stateBefore);
		assertThat(ServerState.agentOnline("alice")).isTrue();
	}

	private void hammer(String endpoint, java.util.function.IntFunction<Request> requests) {
		for (int i = 0; i < PER_ENDPOINT; i++) {
			Request request = requests.apply(i);
			Answer answer = send(request.from(), request.method(), request.path(), request.contentType(),
					request.body(), request.headers());
			this.sent++;
			if (answer.status() >= 500 || answer.status() < 100) {
				this.unexpected.add(endpoint + ": " + request.method() + " " + abbreviate(request.path()) + " ["
						+ request.contentType() + "] " + abbreviate(request.body()) + " " + request.headers().keySet()
						+ " -> " + answer.status() + " " + abbreviate(answer.body()));
			}
		}
	}

	private String contentType() {
		return pick(CONTENT_TYPES);
	}

	private String body() {
		return pick(BAD_BODIES);
	}

	private String pick(String[] choices) {
		return choices[this.random.nextInt(choices.length)];
	}

	/** The usual method, except one request in {@code oneIn}, which gets another. */
	private String pick(String[] methods, String usual, int oneIn) {
		return (this.random.nextInt(oneIn) == 0) ? pick(methods) : usual;
	}

	private static Map<String, String> header(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (value != null) {
			headers.put(name, value);
		}
		return headers;
	}

	/** A loopback address of its own for each block of requests: 127.0.1.n. */
	private InetAddress fresh() {
		return address(this.nextAddress++ % 200 + 1);
	}

	private static InetAddress address(int n) {
		try {
			return InetAddress.getByAddress(new byte[] { 127, 0, 1, (byte) (n % 254 + 1) });
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One request on a socket of its own, written as given: a body without a content
	 * type, a wildcard type, or (one in four) sent in chunks without a length.
	 */
	private Answer send(InetAddress from, String method, String path, String contentType, String body,
			Map<String, String> headers) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		boolean chunked = !body.isEmpty() && this.random.nextInt(4) == 0;
		StringBuilder head = new StringBuilder(method).append(' ')
			.append(path)
			.append(" HTTP/1.1\r\n")
			.append("Host: ")
			.append(this.gateway.getHost())
			.append(':')
			.append(this.gateway.getPort())
			.append("\r\n")
			.append("Connection: close\r\n");
		if (contentType != null) {
			head.append("Content-Type: ").append(contentType).append("\r\n");
		}
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes.length + "\r\n")
			.append("\r\n");
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(from, 0));
			socket.connect(new InetSocketAddress(this.gateway.getHost(), this.gateway.getPort()), 5000);
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			try {
				if (chunked) {
					out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
					out.write(bytes);
					out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				else {
					out.write(bytes);
				}
				out.flush();
			}
			catch (IOException refusedMidBody) {
				// the gateway answered (413) and closed before the whole body was sent:
				// read its answer
			}
			return Answer.read(socket.getInputStream());
		}
		catch (IOException ex) {
			return new Answer(0, ex.toString());
		}
	}

	private static String abbreviate(String text) {
		return (text == null || text.length() <= 80) ? String.valueOf(text) : text.substring(0, 80) + "…";
	}

	private record Request(InetAddress from, String method, String path, String contentType, String body,
			Map<String, String> headers) {
	}

	private record Answer(int status, String body) {

		/** The status and up to 16 KB of the body (an event stream would never end). */
		static Answer read(InputStream in) throws IOException {
			ByteArrayOutputStream seen = new ByteArrayOutputStream();
			byte[] chunk = new byte[4096];
			int read;
			while (seen.size() < 16 * 1024 && (read = in.read(chunk)) != -1) {
				seen.write(chunk, 0, read);
			}
			String text = seen.toString(StandardCharsets.UTF_8);
			if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
				return new Answer(0, text);
			}
			int body = text.indexOf("\r\n\r\n");
			return new Answer(Integer.parseInt(text.substring(9, 12)), (body < 0) ? "" : text.substring(body + 4));
		}

	}

}
