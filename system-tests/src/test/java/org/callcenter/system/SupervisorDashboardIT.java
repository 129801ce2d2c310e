package org.callcenter.system;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisors' dashboard in a real browser on the whole suite: a caller who dials
 * shows in the waiting list and in the tiles within a second of the dial's answer, pushed
 * from queue-service's events through stats-service's Kafka Streams figures and the
 * gateway (nothing polls); an agent who does not supervise gets 403 for the page and for
 * its stream.
 */
class SupervisorDashboardIT {

	/** How soon after the dial's answer the dashboard shows the caller. */
	static final Duration PUSHED_WITHIN = Duration.ofSeconds(1);

	private final String gateway = RunningSuite.get().gatewayUrl();

	@BeforeEach
	void emptyCallCenter() {
		QuietQueue.await();
	}

	@Test
	void aSupervisorSeesACallerWaitWithinASecondOfTheDial() {
		try (SupervisorDashboard carol = new SupervisorDashboard(this.gateway).open("carol", "demo")) {
			await().atMost(CallerPage.PATIENCE).until(carol::showsNoOneWaiting);
			String waitingBefore = carol.tile("tile-waiting");
			assertThat(carol.tile("tile-longest")).isEqualTo("—");
			assertThat(carol.csvLink()).contains("/api/stats/intervals.csv?from=").contains("&size=PT15M&zone=");
			assertThat(carol.showsChart()).isTrue();

			try (CallerPage ann = new CallerPage(this.gateway)) {
				ann.submit("Ann Dashboard", "a question about my bill", false);
				long answeredAt = dialAnsweredAt(ann);
				// the second counts from the moment the caller's browser had the dial's
				// answer
				Duration left = PUSHED_WITHIN.minusMillis(System.currentTimeMillis() - answeredAt);
				await().atMost(left.isNegative() ? Duration.ofMillis(1) : left)
					.pollInterval(Duration.ofMillis(20))
					.until(() -> carol.waitingNames().contains("Ann Dashboard")
							&& !carol.tile("tile-waiting").equals(waitingBefore)
							&& !carol.tile("tile-longest").equals("—"));
				System.out.printf("the dashboard showed the caller %d ms after the dial's answer%n",
						System.currentTimeMillis() - answeredAt);
				// the waits tick on the page, between pushes
				await().atMost(Duration.ofSeconds(3))
					.until(() -> carol.waitOf("Ann Dashboard").matches("waiting [1-9].*"));
				assertThat(carol.tileNote("tile-longest")).isEqualTo("the oldest waiting caller");
				// several queues: each waiting caller's is named (the caller page's
				// first, Calls)
				await().atMost(Duration.ofSeconds(3))
					.until(() -> carol.queueOf("Ann Dashboard")
						.equals(RunningSuite.QUEUES.get(RunningSuite.DEFAULT_QUEUE)));
				carol.screenshot("supervisor-dashboard");
				ann.leave();
			}

			await().atMost(CallerPage.PATIENCE).until(carol::showsNoOneWaiting);
			await().atMost(CallerPage.PATIENCE).until(() -> carol.tile("tile-longest").equals("—"));
		}
	}

	/**
	 * When the caller's browser received the answer to its dial
	 * ({@code POST /api/calls}), by the browser's resource timing, in epoch milliseconds
	 * of this machine's clock.
	 */
	private static long dialAnsweredAt(CallerPage caller) {
		Object[] at = new Object[1];
		await().atMost(CallerPage.PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> {
			at[0] = caller.runScript("var dial = performance.getEntriesByType('resource').filter(function (e) {"
					+ " return /\\/api\\/calls$/.test(e.name) && e.responseEnd > 0; })[0];"
					+ "return dial ? Math.round(performance.timeOrigin + dial.responseEnd) : null;");
			return at[0] != null;
		});
		return ((Number) at[0]).longValue();
	}

	@Test
	void anAgentWhoDoesNotSuperviseGets403ForTheDashboardAndItsStream() throws Exception {
		SignedInAgent alice = SignedInAgent.signIn(this.gateway, "alice", "demo");
		assertThat(alice.get("/supervisor.html").statusCode()).isEqualTo(403);
		assertThat(alice.get("/api/supervisor/events").statusCode()).isEqualTo(403);
		alice.signOut();
	}

}
