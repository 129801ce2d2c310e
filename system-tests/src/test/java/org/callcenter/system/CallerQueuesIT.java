package org.callcenter.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several queues, as callers meet them: the caller page offers the queues (or a link
 * chooses one), a caller reaches only an agent who serves the queue chosen, and a queue
 * that takes no calls says why before anyone dials, which the call center refuses too.
 * The queues are the suite's ({@link RunningSuite#QUEUES}): Calls (first), Sales, Support
 * (refuses calls while nobody serving it is signed in) and Billing (closed during the
 * run); {@value RunningSuite#SALES_AGENT} serves Sales alone,
 * {@value RunningSuite#SUPPORT_AGENT} Support alone, every other agent every queue.
 */
class CallerQueuesIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String gateway = RunningSuite.get().gatewayUrl();

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void emptyCallCenter() {
		QuietQueue.await();
	}

	@Test
	void aCallerWhoChoosesSupportReachesTheSupportAgentAndNotTheSalesAgent() {
		try (AgentConsole frank = new AgentConsole(this.gateway).signIn(RunningSuite.SALES_AGENT, "demo");
				AgentConsole grace = new AgentConsole(this.gateway).signIn(RunningSuite.SUPPORT_AGENT, "demo");
				CallerPage sue = new CallerPage(this.gateway)) {
			sue.open("");
			assertThat(sue.queueChoices()).containsExactly("Calls", "Sales", "Support", "Billing (closed now)");
			// the first open queue to begin with: pressing Call alone still works
			assertThat(sue.chosenQueue()).isEqualTo("Calls");
			sue.chooseQueue("Support");
			assertThat(sue.queueStatus()).isEmpty();
			assertThat(sue.dialEnabled()).isTrue();
			sue.screenshot("queues-caller-chooses-support");

			sue.dial("Sue", "My router keeps blinking", false);

			grace.awaitCaller("Sue");
			assertThat(grace.cardQueue("Sue")).isEqualTo("Support");
			assertThat(ServerState.call(sue.callId()).path("queue").asString()).isEqualTo("support");
			grace.screenshot("queues-support-agent-card");
			grace.accept("Sue");
			sue.awaitOnCallWithAgentVideo();
			grace.awaitBadge("Sue", "On call");
			assertThat(grace.stageQueue()).isEqualTo("Queue: Support");
			assertThat(frank.callerNames()).isEmpty();
			grace.screenshot("queues-support-agent-on-call");

			grace.end("Sue");
			sue.awaitEnded();
			frank.signOut();
			grace.signOut();
		}
	}

	@Test
	void aLinkToAClosedQueueSaysWhenItOpensAndTheCallCenterRefusesADialIntoIt() throws Exception {
		int before = ServerState.liveCalls();
		try (CallerPage bo = new CallerPage(this.gateway)) {
			bo.open("?queue=billing");

			await().atMost(CallerPage.PATIENCE).until(() -> !bo.queueStatus().isEmpty());
			// open on one weekday (in UTC, as the browsers here)
			String day = RunningSuite.BILLING_HOURS.substring(0, 1)
					+ RunningSuite.BILLING_HOURS.substring(1, 3).toLowerCase(Locale.ROOT);
			assertThat(bo.queueStatus()).startsWith("Billing is closed now. It opens ").contains(day).endsWith(".");
			// the link chose the queue: no choice to make
			assertThat(bo.queueChoices()).isEmpty();
			assertThat(bo.linkedQueue()).isEqualTo("You are calling Billing.");
			assertThat(bo.dialEnabled()).isFalse();
			bo.screenshot("queues-caller-billing-closed");
		}

		HttpResponse<String> refused = dial("billing");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JSON.readTree(refused.body()).path("type").asString()).endsWith("queue-closed");
		assertThat(ServerState.liveCalls()).isEqualTo(before);
	}

	@Test
	void aLinkToSupportWhileNobodyServesItSaysSoAndALinkToAnUnknownQueueLetsTheCallerChoose() throws Exception {
		try (CallerPage page = new CallerPage(this.gateway)) {
			page.open("?queue=support");
			await().atMost(CallerPage.PATIENCE).until(() -> !page.queueStatus().isEmpty());
			assertThat(page.queueStatus())
				.isEqualTo("Nobody is available for Support right now. Please try again later.");
			assertThat(page.dialEnabled()).isFalse();
			page.screenshot("queues-caller-support-nobody");

			HttpResponse<String> refused = dial("support");
			assertThat(refused.statusCode()).isEqualTo(409);
			JsonNode problem = JSON.readTree(refused.body());
			// "no-agents" in the first contract; queue-service names its rule so
			assertThat(problem.path("type").asString()).matches(".*[:/](no-agents|nobody-signed-in)");

			page.open("?queue=lottery");
			assertThat(page.linkedQueue()).isEqualTo(
					"The link you followed asks for a queue we do not have (\"lottery\"). Please choose who you would like to talk to.");
			assertThat(page.queueChoices()).containsExactly("Calls", "Sales", "Support (nobody available now)",
					"Billing (closed now)");
			assertThat(page.chosenQueue()).isEqualTo("Calls");
			assertThat(page.queueStatus()).isEmpty();
			page.screenshot("queues-caller-unknown-queue");
		}
		assertThat(dial("lottery").statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> dial(String queue) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.gateway + "/api/calls"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"name\":\"Bo\",\"reason\":\"invoice\",\"mode\":\"audioOnly\",\"queue\":\"" + queue + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
