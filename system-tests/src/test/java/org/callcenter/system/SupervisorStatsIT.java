package org.callcenter.system;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The call center's figures reach a supervisor through the gateway, from stats-service's
 * Kafka Streams stores fed by the suite's own call events: a caller who hangs up before
 * an agent answers shows as offered and abandoned within seconds. An agent who does not
 * supervise gets 403, for the figures as for the whole queue, and reads its own figures.
 */
class SupervisorStatsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String gateway = RunningSuite.get().gatewayUrl();

	@BeforeEach
	void emptyCallCenter() {
		QuietQueue.await();
	}

	@Test
	void aCallerWhoHangsUpWaitingIsOfferedAndAbandonedInTheSupervisorsFigures() throws Exception {
		SignedInAgent carol = SignedInAgent.signIn(this.gateway, "carol", "demo");
		SignedInAgent alice = SignedInAgent.signIn(this.gateway, "alice", "demo");
		assertThat(alice.get("/api/stats/live").statusCode()).isEqualTo(403);
		assertThat(alice.get("/api/queue").statusCode()).isEqualTo(403);
		// carol is signed in: make her away so that the caller waits rather than going to
		// her
		assertThat(carol.put("/api/agent/state", "{\"state\":\"AWAY\",\"reason\":\"training\"}")).isEqualTo(200);
		assertThat(alice.put("/api/agent/state", "{\"state\":\"AWAY\",\"reason\":\"training\"}")).isEqualTo(200);
		JsonNode before = awaitFigures(carol);

		try (CallerPage ann = new CallerPage(this.gateway)) {
			ann.dial("Ann", "a question", false);
			await().atMost(CallerPage.PATIENCE)
				.until(() -> today(awaitFigures(carol), "offered") > today(before, "offered"));
			ann.leave();
		}

		await().atMost(CallerPage.PATIENCE)
			.until(() -> today(awaitFigures(carol), "abandoned") > today(before, "abandoned"));
		// an agent reads its own figures, and only its own: the path names nobody
		JsonNode mine = await().atMost(CallerPage.PATIENCE).until(() -> {
			HttpResponse<String> own = alice.get("/api/agent/stats");
			return (own.statusCode() == 200) ? JSON.readTree(own.body()) : null;
		}, (figures) -> figures != null && "AWAY".equals(figures.path("state").asString()));
		assertThat(mine.path("agentId").asString()).isEqualTo("alice");
		assertThat(mine.path("awayReason").asString()).isEqualTo("training");
		assertThat(mine.has("answered")).isTrue();
		alice.signOut();
		carol.signOut();
	}

	private static JsonNode awaitFigures(SignedInAgent supervisor) {
		JsonNode[] figures = new JsonNode[1];
		// the stores answer 503 while they load after the start
		await().atMost(CallerPage.PATIENCE).until(() -> {
			HttpResponse<String> live = supervisor.get("/api/stats/live");
			if (live.statusCode() != 200) {
				return false;
			}
			figures[0] = JSON.readTree(live.body());
			return true;
		});
		return figures[0];
	}

	private static long today(JsonNode figures, String field) {
		return figures.path("today").path(field).asLong();
	}

}
