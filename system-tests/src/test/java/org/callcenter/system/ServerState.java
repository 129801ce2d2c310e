package org.callcenter.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.trust.SignedCredentials;

/**
 * What queue-service holds, read directly as a supervisor would, so that browser tests
 * assert the state behind what a person sees.
 */
final class ServerState {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SignedCredentials CREDENTIALS = new SignedCredentials(RunningSuite.SECRET, Clock.systemUTC());

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private ServerState() {
	}

	/** One call as its caller reads it. */
	static JsonNode call(String callId) {
		return JSON.readTree(send("/api/calls/" + callId, "Authorization",
				"Bearer " + CREDENTIALS.issue(SignedCredentials.Purpose.CALLER, callId, Duration.ofMinutes(1))));
	}

	static boolean agentOnline(String agentId) {
		for (JsonNode agent : snapshot().get("agents")) {
			if (agent.get("id").asString().equals(agentId)) {
				return agent.get("online").asBoolean();
			}
		}
		return false;
	}

	/**
	 * An agent as the supervisor view shows it ({@code state}, {@code awayReason}, ...);
	 * a missing node when the view lists no such agent.
	 */
	static JsonNode agent(String agentId) {
		for (JsonNode agent : snapshot().get("agents")) {
			if (agent.get("id").asString().equals(agentId)) {
				return agent;
			}
		}
		return tools.jackson.databind.node.MissingNode.getInstance();
	}

	static int liveCalls() {
		return snapshot().get("liveCalls").size();
	}

	private static JsonNode snapshot() {
		return JSON.readTree(send("/api/queue", SignedCredentials.AGENT_HEADER,
				CREDENTIALS.issue(SignedCredentials.Purpose.AGENT, "supervisor", Duration.ofMinutes(1))));
	}

	private static String send(String path, String header, String value) {
		try {
			return HTTP
				.send(HttpRequest.newBuilder(URI.create(RunningSuite.get().url("queue-service") + path))
					.header(header, value)
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
