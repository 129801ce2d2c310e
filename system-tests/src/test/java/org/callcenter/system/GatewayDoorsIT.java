package org.callcenter.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the gateway lets through from outside, besides the agents' and callers' own
 * authorization: the actuator (health only, the rest for monitoring), changes from other
 * sites' pages, bodies sent in chunks without a length, the caller credential kept out of
 * URLs, and trace context (the gateway starts each trace, which the services behind it
 * continue).
 */
class GatewayDoorsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Boot's log correlation: {@code [<trace id>-<span id>]} in every line written within
	 * a trace.
	 */
	private static final Pattern TRACE_ID = Pattern.compile("\\[([0-9a-f]{32})-[0-9a-f]{16}\\]");

	private final String gateway = RunningSuite.get().gatewayUrl();

	private final HttpClient http = HttpClient.newHttpClient();

	private SignedInAgent agent;

	@AfterEach
	void signOutAndEndCalls() throws Exception {
		if (this.agent != null) {
			this.agent.signOut();
		}
		QuietQueue.await();
	}

	@Test
	void onlyHealthIsPublicMetricsPrometheusAndInfoAreForMonitoring() throws Exception {
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
		String monitoring = "Basic " + Base64.getEncoder()
			.encodeToString(("monitoring:" + RunningSuite.get().monitoringPassword()).getBytes(StandardCharsets.UTF_8));
		String wrong = "Basic "
				+ Base64.getEncoder().encodeToString("monitoring:guess".getBytes(StandardCharsets.UTF_8));
		for (String endpoint : new String[] { "/actuator/info", "/actuator/metrics", "/actuator/prometheus",
				"/actuator/env", "/actuator/metrics/jvm.memory.used" }) {
			assertThat(get(endpoint, null).statusCode()).as(endpoint).isEqualTo(401);
			assertThat(get(endpoint, wrong).statusCode()).as(endpoint + " with a wrong password").isEqualTo(401);
		}
		assertThat(get("/actuator/prometheus", monitoring).body()).contains("jvm_memory_used_bytes");
		assertThat(get("/actuator/info", monitoring).statusCode()).isEqualTo(200);
		// Basic authentication is for the actuator alone: it never signs an agent in
		String alice = "Basic " + Base64.getEncoder().encodeToString("alice:demo".getBytes(StandardCharsets.UTF_8));
		assertThat(get("/api/agent", alice).statusCode()).isEqualTo(401);
	}

	@Test
	void anotherSitesPageChangesNothing() throws Exception {
		this.agent = SignedInAgent.signIn(this.gateway, "alice", "demo");
		int before = ServerState.liveCalls();

		// a dial and an agent action posted by a page of another site, with and without a
		// body
		HttpResponse<String> dial = send("POST", "/api/calls", "application/json",
				"{\"name\":\"Eve\",\"mode\":\"audioOnly\"}", "Origin", "https://evil.example");
		assertThat(dial.statusCode()).isEqualTo(403);
		assertThat(dial.body()).contains("cross-origin-request");
		assertThat(this.agent.send("DELETE", "/api/agent", "Origin", "https://evil.example")).isEqualTo(403);
		assertThat(this.agent.send("POST", "/logout", "Sec-Fetch-Site", "cross-site")).isEqualTo(403);
		assertThat(send("POST", "/login", "application/x-www-form-urlencoded", "username=alice&password=demo", "Origin",
				"null", "Sec-Fetch-Site", "cross-site")
			.statusCode()).isEqualTo(403);
		assertThat(ServerState.liveCalls()).isEqualTo(before);
		assertThat(ServerState.agentOnline("alice")).isTrue();

		// the call center's own pages, and clients that are not browsers, are served as
		// before
		assertThat(send("POST", "/api/calls", "application/json", "{\"name\":\"Own page\",\"mode\":\"audioOnly\"}",
				"Origin", this.gateway)
			.statusCode()).isEqualTo(201);
		assertThat(this.agent.send("DELETE", "/api/agent", "Origin", this.gateway)).isEqualTo(200);
		assertThat(ServerState.agentOnline("alice")).isFalse();
	}

	@Test
	void aBodySentInChunksWithoutALengthIsCountedAndCappedToo() throws Exception {
		int before = ServerState.liveCalls();
		String huge = "{\"name\":\"" + "x".repeat(200 * 1024) + "\",\"mode\":\"audioOnly\"}";

		HttpResponse<String> dial = chunked("/api/calls", "application/json", huge);
		assertThat(dial.statusCode()).isEqualTo(413);
		assertThat(dial.body()).contains("body-too-large");
		assertThat(chunked("/login", "application/x-www-form-urlencoded",
				"username=alice&password=" + "p".repeat(300 * 1024))
			.statusCode()).isEqualTo(413);
		assertThat(chunked("/ot_callback", "application/json", "{\"event\":\"" + "e".repeat(100 * 1024) + "\"}")
			.statusCode()).isEqualTo(413);
		assertThat(ServerState.liveCalls()).isEqualTo(before);

		// a small chunked body is fine
		assertThat(
				chunked("/api/calls", "application/json", "{\"name\":\"Chunked\",\"mode\":\"audioOnly\"}").statusCode())
			.isEqualTo(201);
	}

	@Test
	void theCallerCredentialNeverTravelsInAUrlTheStreamTakesAShortLivedTicket() throws Exception {
		JsonNode dialed = JSON.readTree(
				send("POST", "/api/calls", "application/json", "{\"name\":\"Ticket\",\"mode\":\"audioOnly\"}").body());
		String callId = dialed.get("call").get("id").asString();
		String credential = dialed.get("callerToken").asString();

		// the credential itself no longer opens the stream
		assertThat(get("/api/calls/" + callId + "/events?token=" + credential, null).statusCode()).isEqualTo(400);
		assertThat(get("/api/calls/" + callId + "/events?ticket=" + credential, null).statusCode()).isEqualTo(401);
		// a ticket is given for the caller's own call only
		assertThat(send("POST", "/api/calls/" + callId + "/event-tickets", null, null).statusCode()).isEqualTo(401);
		String otherCall = UUID.randomUUID().toString();
		assertThat(send("POST", "/api/calls/" + otherCall + "/event-tickets", null, null, "Authorization",
				"Bearer " + credential)
			.statusCode()).isEqualTo(403);
		String ticket = JSON
			.readTree(send("POST", "/api/calls/" + callId + "/event-tickets", null, null, "Authorization",
					"Bearer " + credential)
				.body())
			.get("ticket")
			.asString();

		HttpResponse<java.util.stream.Stream<String>> stream = this.http
			.send(HttpRequest.newBuilder(URI.create(this.gateway + "/api/calls/" + callId + "/events?ticket=" + ticket))
				.build(), HttpResponse.BodyHandlers.ofLines());
		try (java.util.stream.Stream<String> lines = stream.body()) {
			assertThat(stream.statusCode()).isEqualTo(200);
			assertThat(lines.filter((line) -> line.startsWith("event:")).findFirst()).hasValue("event:ready");
		}
		// a ticket opens no other call's stream, and is no caller credential (it cannot
		// leave the call)
		assertThat(get("/api/calls/" + otherCall + "/events?ticket=" + ticket, null).statusCode()).isEqualTo(403);
		assertThat(send("POST", "/api/calls/" + callId + "/leave", null, null, "Authorization", "Bearer " + ticket)
			.statusCode()).isEqualTo(401);
		// an expired ticket is refused
		String expired = new SignedCredentials(RunningSuite.SECRET,
				Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)))
			.issue(Purpose.CALLER_EVENTS, callId, Duration.ofSeconds(30));
		assertThat(get("/api/calls/" + callId + "/events?ticket=" + expired, null).statusCode()).isEqualTo(401);
	}

	@Test
	void aDialIsOneTraceInTheLogsOfTheServicesItReachesAndNoClientChoosesIt() throws Exception {
		String chosen = "4bf92f3577b34da6a3ce929d0e0e4736";
		JsonNode dialed = JSON
			.readTree(send("POST", "/api/calls", "application/json", "{\"name\":\"Traced\",\"mode\":\"audioOnly\"}",
					"traceparent", "00-" + chosen + "-00f067aa0ba902b7-01")
				.body());
		String callId = dialed.get("call").get("id").asString();

		String traceId = await().atMost(Duration.ofSeconds(10))
			.until(() -> traceIdOfLine("queue-service", "call " + callId + " dialed"), Objects::nonNull);
		assertThat(traceId).isNotEqualTo(chosen);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(linesOfTrace("gateway", traceId))
				.anyMatch((line) -> line.contains("dial forwarded to queue-service: 201"));
		});
		// the session and the caller's token come from the pool (made ahead, in other
		// traces): the dial reaches no token-service; only with the pool empty would it
		// ask
		// for both within its trace
		List<String> tokenService = linesOfTrace("token-service", traceId);
		assertThat(
				tokenService.isEmpty() || (tokenService.stream().anyMatch((line) -> line.contains("created a session"))
						&& tokenService.stream().anyMatch((line) -> line.contains("issued a token for the caller"))))
			.as("token-service's lines in the dial's trace: %s", tokenService)
			.isTrue();
		for (String service : List.of("gateway", "queue-service", "token-service")) {
			assertThat(linesOfTrace(service, chosen)).as(service).isEmpty();
		}
	}

	private static String traceIdOfLine(String service, String text) throws IOException {
		for (String line : logLines(service)) {
			Matcher trace = TRACE_ID.matcher(line);
			if (line.contains(text) && trace.find()) {
				return trace.group(1);
			}
		}
		return null;
	}

	private static List<String> linesOfTrace(String service, String traceId) throws IOException {
		return logLines(service).stream().filter((line) -> line.contains("[" + traceId + "-")).toList();
	}

	private static List<String> logLines(String service) throws IOException {
		return new String(Files.readAllBytes(RunningSuite.get().log(service)), StandardCharsets.UTF_8).lines().toList();
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(Duration.ofSeconds(10));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(Duration.ofSeconds(10))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A body of unknown length goes in chunks (Transfer-Encoding: chunked), with no
	 * Content-Length.
	 */
	private HttpResponse<String> chunked(String path, String contentType, String body) throws Exception {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return this.http.send(HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
