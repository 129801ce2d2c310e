package org.callcenter.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.launcher.Suite;
import org.callcenter.launcher.SuiteSettings;
import org.callcenter.testsupport.EmulatedBrowser;
import org.callcenter.testsupport.TopicRecorder;
import org.callcenter.testsupport.VonageSignatures;
import org.callcenter.trust.SignedCredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole chain with nothing stood in: a caller's browser connects to its emulated
 * session, the emulator posts a signed connectionCreated callback, callback-service puts
 * it on Kafka, queue-service makes the caller visible in its agent's list; a repeated
 * delivery changes nothing; the browser leaving ends the call.
 */
class CallerVisibilityIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final SuiteSettings.OpenTok OPENTOK = RunningSuite.OPENTOK;

	static final SignedCredentials CREDENTIALS = new SignedCredentials(RunningSuite.SECRET, Clock.systemUTC());

	static final Suite SUITE = RunningSuite.get();

	/**
	 * Made for each run of the class: a rerun after a failure (failsafe, same JVM) runs
	 * {@code @BeforeAll} again, and must not read a recorder the last {@code @AfterAll}
	 * closed.
	 */
	static TopicRecorder<CallEvent> CALL_EVENTS;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void record() {
		CALL_EVENTS = new TopicRecorder<>(RunningSuite.kafka().adminProperties(), Topics.CALL_EVENTS, CallEvent.class);
	}

	@AfterAll
	static void stop() {
		CALL_EVENTS.close();
	}

	@Test
	void aConnectedCallerShowsInItsAgentsListOnceAndLeavesItWhenItsBrowserStaysGonePastTheGracePeriod()
			throws Exception {
		send("PUT", SUITE.url("queue-service") + "/api/agents/visibility-agent", "{\"displayName\":\"Alice\"}",
				agent("visibility-agent"));
		JsonNode dial = send("POST", SUITE.url("queue-service") + "/api/calls",
				"{\"name\":\"Ann\",\"reason\":\"billing\",\"mode\":\"audioVideo\"}", asGateway());
		String callId = dial.at("/call/id").asString();
		String sessionId = dial.at("/session/sessionId").asString();
		String callerToken = dial.get("callerToken").asString();

		try (EmulatedBrowser browser = EmulatedBrowser.connect(SUITE.url("opentok-emulator"),
				String.valueOf(OPENTOK.apiKey()), sessionId, dial.at("/session/token").asString())) {
			await().atMost(Duration.ofSeconds(30)).until(() -> callersOf("visibility-agent").contains(callId));

			String repeated = """
					{"sessionId":"%s","projectId":"%d","event":"connectionCreated","timestamp":%d,\
					"connection":{"id":"%s","createdAt":%d,"data":%s}}""".formatted(sessionId, OPENTOK.apiKey(),
					System.currentTimeMillis(), browser.connectionId(), System.currentTimeMillis(),
					JSON.writeValueAsString("{\"userId\":\"" + callId + "\",\"userType\":\"caller\"}"));
			HttpResponse<String> redelivered = this.http.send(HttpRequest
				.newBuilder(URI.create(SUITE.url("callback-service") + "/ot_callback"))
				.header("Content-Type", "application/json")
				.header("Authorization", VonageSignatures.authorization(repeated, OPENTOK.signatureSecret(), "Vonage"))
				.POST(HttpRequest.BodyPublishers.ofString(repeated))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(redelivered.statusCode()).isEqualTo(200);

			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> connectedEvents(callId) == 1);
			assertThat(callersOf("visibility-agent")).containsExactly(callId);
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> callersOf("visibility-agent").isEmpty());
		send("DELETE", SUITE.url("queue-service") + "/api/agents/visibility-agent", null, agent("visibility-agent"));
		JsonNode ended = send("GET", SUITE.url("queue-service") + "/api/calls/" + callId, null,
				new String[] { "Authorization", "Bearer " + callerToken });
		assertThat(ended.get("state").asString()).isEqualTo("ENDED");
		assertThat(ended.get("endReason").asString()).isEqualTo("callerDisconnected");
	}

	private long connectedEvents(String callId) {
		return CALL_EVENTS.values((e) -> e.callId().equals(callId) && e.type() == CallEventType.CALLER_CONNECTED)
			.stream()
			.map(CallEvent::eventId)
			.distinct()
			.count();
	}

	/**
	 * The agent's callers, as its console reads them; like a console, it also says the
	 * agent is still there (the gateway's heartbeat), or after the agent grace period (30
	 * s) the agent would go offline and its callers back to the queue: on a slow machine,
	 * before the caller's own grace period (20 s after its browser left) ran out.
	 */
	private List<String> callersOf(String agentId) throws Exception {
		send("PUT", SUITE.url("queue-service") + "/api/agents/" + agentId + "/heartbeat", null, agent(agentId));
		JsonNode callers = send("GET", SUITE.url("queue-service") + "/api/agents/" + agentId + "/callers", null,
				agent(agentId));
		return callers.valueStream().map((c) -> c.get("id").asString()).toList();
	}

	/** Dials need the gateway's signed identity. */
	private static String[] asGateway() {
		return new String[] { SignedCredentials.SERVICE_HEADER,
				CREDENTIALS.issue(SignedCredentials.Purpose.SERVICE, "gateway", Duration.ofMinutes(1)) };
	}

	private static String[] agent(String agentId) {
		return new String[] { SignedCredentials.AGENT_HEADER,
				CREDENTIALS.issue(SignedCredentials.Purpose.AGENT, agentId, Duration.ofMinutes(1)) };
	}

	private JsonNode send(String method, String url, String body, String[] header) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json");
		if (header != null) {
			request.header(header[0], header[1]);
		}
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isLessThan(300);
		return JSON.readTree(response.body());
	}

}
