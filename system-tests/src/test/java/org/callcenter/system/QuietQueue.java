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
 * Brings the shared suite back to an empty call center before a test: every agent offline
 * and every call left over from an earlier test ended, as read from queue-service's
 * supervisor view.
 */
final class QuietQueue {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SignedCredentials CREDENTIALS = new SignedCredentials(RunningSuite.SECRET, Clock.systemUTC());

	private QuietQueue() {
	}

	static void await() {
		String queue = RunningSuite.get().url("queue-service");
		HttpClient http = HttpClient.newHttpClient();
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
			JsonNode snapshot = JSON.readTree(send(http, "GET", queue + "/api/queue", "supervisor").body());
			for (JsonNode agent : snapshot.get("agents")) {
				if (agent.get("online").asBoolean()) {
					send(http, "DELETE", queue + "/api/agents/" + agent.get("id").asString(),
							agent.get("id").asString());
				}
			}
			for (JsonNode call : snapshot.get("liveCalls")) {
				leave(http, queue, call.get("id").asString());
			}
			return snapshot.get("liveCalls").isEmpty();
		});
	}

	/** The supervisor view, for a failing test to show. */
	static String snapshot() {
		try {
			return send(HttpClient.newHttpClient(), "GET", RunningSuite.get().url("queue-service") + "/api/queue",
					"supervisor")
				.body();
		}
		catch (Exception ex) {
			return "unavailable: " + ex;
		}
	}

	private static void leave(HttpClient http, String queue, String callId) throws Exception {
		http.send(HttpRequest.newBuilder(URI.create(queue + "/api/calls/" + callId))
			.header("Authorization",
					"Bearer " + CREDENTIALS.issue(SignedCredentials.Purpose.CALLER, callId, Duration.ofMinutes(1)))
			.DELETE()
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private static HttpResponse<String> send(HttpClient http, String method, String url, String agentId)
			throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header(SignedCredentials.AGENT_HEADER,
					CREDENTIALS.issue(SignedCredentials.Purpose.AGENT, agentId, Duration.ofMinutes(1)))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
