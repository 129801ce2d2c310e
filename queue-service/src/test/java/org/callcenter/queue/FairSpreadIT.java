package org.callcenter.queue;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Least connections spreads callers evenly: loads of online agents never differ by more
 * than one.
 */
@TestPropertySource(properties = "queue.namespace=fair-spread")
class FairSpreadIT extends QueueServiceTestBase {

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void afterAnySequenceOfDialsAgentLoadsDifferByAtMostOne(long seed) {
		Random random = new Random(seed);
		int agents = 2 + random.nextInt(5);
		for (int i = 0; i < agents; i++) {
			this.api.goOnline("agent-" + i);
		}
		int dials = 5 + random.nextInt(30);
		List<Integer> spreads = new ArrayList<>();

		for (int i = 0; i < dials; i++) {
			this.api.dial("caller-" + i);
			IntSummaryStatistics loads = loads();
			spreads.add(loads.getMax() - loads.getMin());
			assertThat(loads.getSum()).isEqualTo(i + 1);
		}

		assertThat(spreads).allSatisfy((spread) -> assertThat(spread).isLessThanOrEqualTo(1));
	}

	private IntSummaryStatistics loads() {
		IntSummaryStatistics loads = new IntSummaryStatistics();
		for (JsonNode agent : this.api.snapshot().body().get("agents")) {
			loads.accept(agent.get("callIds").size());
		}
		return loads;
	}

}
