package org.callcenter.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * queue-service killed (SIGKILL, as a crash or an out-of-memory kill) for longer than the
 * agents' grace period, then started again: meanwhile the gateway answers 503 with
 * Retry-After and the pages say they are reconnecting; afterwards the agent whose console
 * stayed open is online again by itself and takes the caller who waited, who was neither
 * lost nor given twice.
 */
class QueueServiceOutageIT {

	/**
	 * Longer than queue-service's agent grace period (30 s), which its own downtime must
	 * not use up.
	 */
	private static final Duration OUTAGE = Duration.ofSeconds(40);

	private final String gateway = RunningSuite.get().gatewayUrl();

	private final HttpClient http = HttpClient.newHttpClient();

	private AgentConsole console;

	private CallerPage caller;

	@BeforeEach
	void quiet() {
		QuietQueue.await();
	}

	@AfterEach
	void close() {
		if (!RunningSuite.get().allAlive()) {
			RunningSuite.get().restart("queue-service");
		}
		if (this.caller != null) {
			this.caller.close();
		}
		if (this.console != null) {
			this.console.close();
		}
		QuietQueue.await();
	}

	@Test
	void aKilledQueueServiceComesBackWithItsAgentsOnlineAndItsCallersInPlace() throws Exception {
		this.console = new AgentConsole(this.gateway).signIn("alice", "demo");
		this.caller = new CallerPage(this.gateway).open().dial("Outage", "still here", true);
		this.console.awaitCaller("Outage");
		String callId = this.caller.callId();

		RunningSuite.get().kill("queue-service");

		HttpResponse<String> dial = this.http.send(HttpRequest.newBuilder(URI.create(this.gateway + "/api/calls"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"During\",\"mode\":\"audioOnly\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(dial.statusCode()).isEqualTo(503);
		assertThat(dial.headers().firstValue("Retry-After")).isPresent();
		assertThat(dial.body()).contains("temporarily-unavailable");
		this.console.accept("Outage");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.console.alert()).contains("reconnecting"));
		Thread.sleep(OUTAGE.toMillis());

		RunningSuite.get().restart("queue-service");

		// as the agent would, wait until the call center answers again: the gateway
		// routes
		// to the instance again from its next health check (every 2 s), and an accept
		// sent
		// before then is answered "reconnecting" once more
		await().atMost(Duration.ofSeconds(30)).until(this::gatewayReachesQueueService);
		await().atMost(Duration.ofSeconds(30)).until(() -> ServerState.agentOnline("alice"));
		assertThat(ServerState.call(callId).get("state").asString()).as(QuietQueue.snapshot())
			.isIn("WAITING", "ASSIGNED");
		assertThat(ServerState.liveCalls()).as(QuietQueue.snapshot()).isEqualTo(1);
		this.console.awaitCaller("Outage");
		this.console.accept("Outage");
		this.console.awaitBadge("Outage", "On call");
		this.caller.awaitOnCallWithAgentVideo();
	}

	/** queue-service's own answer (401 without a credential), not the gateway's 503. */
	private boolean gatewayReachesQueueService() throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(this.gateway + "/api/calls/" + this.caller.callId())).GET().build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode() != 503;
	}

}
