package org.callcenter.queue;

import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With several queues, least connections still spreads each queue's callers evenly among
 * the agents that serve it alike: the loads of agents with the same skills never differ
 * by more than one, and nobody takes a caller of a queue it does not serve.
 *
 * <p>
 * Queues {@code q1} and {@code q2}; x1, x2 and x3 serve q1, y1 and y2 serve q2, z serves
 * both (all as primaries).
 */
@TestPropertySource(properties = { "queue.namespace=skills-fair-spread", "queue.queues[0].id=q1",
		"queue.queues[0].display-name=One", "queue.queues[1].id=q2", "queue.queues[1].display-name=Two",
		"queue.skills.x1.q1=1", "queue.skills.x2.q1=1", "queue.skills.x3.q1=1", "queue.skills.y1.q2=1",
		"queue.skills.y2.q2=1", "queue.skills.z.q1=1", "queue.skills.z.q2=1" })
class SkillsFairSpreadIT extends QueueServiceTestBase {

	private static final Map<String, List<String>> ALIKE = Map.of("q1 only", List.of("x1", "x2", "x3"), "q2 only",
			List.of("y1", "y2"));

	private static final Map<String, List<String>> SERVES = Map.of("x1", List.of("q1"), "x2", List.of("q1"), "x3",
			List.of("q1"), "y1", List.of("q2"), "y2", List.of("q2"), "z", List.of("q1", "q2"));

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3 })
	void agentsServingAQueueAlikeShareItsCallersEvenly(long seed) {
		Random random = new Random(seed);
		SERVES.keySet().forEach(this.api::goOnline);
		int dials = 20 + random.nextInt(30);

		for (int i = 0; i < dials; i++) {
			String queue = random.nextBoolean() ? "q1" : "q2";
			QueueClient.Reply dialed = this.api.dialInto(queue, "caller-" + i);
			assertThat(SERVES.get(dialed.agentId())).as("queues of %s, given a %s caller", dialed.agentId(), queue)
				.contains(queue);
			Map<String, Integer> loads = loads();
			int dialsSoFar = i + 1;
			ALIKE.forEach((group, agents) -> {
				IntSummaryStatistics spread = agents.stream().mapToInt(loads::get).summaryStatistics();
				assertThat(spread.getMax() - spread.getMin())
					.as("spread of %s after %d dials: %s", group, dialsSoFar, loads)
					.isLessThanOrEqualTo(1);
			});
		}
	}

	private Map<String, Integer> loads() {
		Map<String, Integer> loads = new HashMap<>();
		for (JsonNode agent : this.api.snapshot().body().get("agents")) {
			loads.put(agent.get("id").asString(), agent.get("callIds").size());
		}
		return loads;
	}

}
