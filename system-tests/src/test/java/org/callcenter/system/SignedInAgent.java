package org.callcenter.system;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

import org.callcenter.trust.SignedCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent signed in to the gateway with a plain HTTP client, as a script would be. */
final class SignedInAgent {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(this.cookies).build();

	private final String gateway;

	private SignedInAgent(String gateway) {
		this.gateway = gateway;
	}

	static SignedInAgent signIn(String gateway, String user, String password) throws Exception {
		SignedInAgent agent = new SignedInAgent(gateway);
		HttpResponse<String> signedIn = agent.http.send(HttpRequest.newBuilder(URI.create(gateway + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
					+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/agent.html"));
		assertThat(agent.put("/api/agent", "{\"displayName\":\"" + user + "\"}")).isEqualTo(200);
		return agent;
	}

	/** The value of the gateway's session cookie, for requests written by hand. */
	String sessionCookie() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("SESSION"))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	int post(String path) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(this.gateway + path))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/**
	 * A request without a body, with one extra header (as another site's page would send
	 * it).
	 */
	int send(String method, String path, String header, String value) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(this.gateway + path))
				.method(method, HttpRequest.BodyPublishers.noBody())
				.header(header, value)
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/** A GET through the gateway as this agent. */
	HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.gateway + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	int put(String path, String json) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(this.gateway + path))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/**
	 * One call assigned to another agent, read from queue-service as a supervisor would.
	 */
	String anyCallIdOf(String queueService, String agentId) throws Exception {
		SignedCredentials credentials = new SignedCredentials(RunningSuite.SECRET, Clock.systemUTC());
		String body = this.http
			.send(HttpRequest.newBuilder(URI.create(queueService + "/api/agents/" + agentId + "/callers"))
				.header(SignedCredentials.AGENT_HEADER,
						credentials.issue(SignedCredentials.Purpose.AGENT, agentId, Duration.ofMinutes(1)))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		return JSON.readTree(body).get(0).get("id").asString();
	}

	/** Opens the console's event stream; the answer completes when the stream ends. */
	java.util.concurrent.CompletableFuture<Void> openEvents() {
		return this.http
			.sendAsync(HttpRequest.newBuilder(URI.create(this.gateway + "/api/agent/events")).build(),
					HttpResponse.BodyHandlers.ofLines())
			.thenAcceptAsync((response) -> response.body().forEach((line) -> {
			}));
	}

	/**
	 * Posts {@code /logout} alone, as a script or an old page would, without going
	 * offline first.
	 */
	int logOutOnly() throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(this.gateway + "/logout"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	void signOut() throws Exception {
		this.http.send(HttpRequest.newBuilder(URI.create(this.gateway + "/api/agent")).DELETE().build(),
				HttpResponse.BodyHandlers.discarding());
		this.http.send(HttpRequest.newBuilder(URI.create(this.gateway + "/logout"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding());
	}

}
