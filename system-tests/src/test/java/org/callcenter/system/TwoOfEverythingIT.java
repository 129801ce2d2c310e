package org.callcenter.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.launcher.ServiceJars;
import org.callcenter.launcher.Suite;
import org.callcenter.launcher.SuiteSettings;
import org.callcenter.testsupport.RealRedis;
import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of every service (gateway, queue-service, token-service,
 * callback-service) behind one Redis and one Kafka, with a load balancer in front of the
 * gateways, as a deployment for high availability runs them. One instance of each is
 * killed (SIGKILL) while calls are under way: the consoles and caller pages reconnect
 * through the survivors, the call in progress goes on, the waiting caller is taken, a new
 * caller is served, and every live call is in exactly one place.
 */
class TwoOfEverythingIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> SERVICES = List.of("gateway", "queue-service", "token-service",
			"callback-service");

	private static FrontDoor front;

	private static Suite suite;

	@BeforeAll
	static void start() throws Exception {
		List<SuiteSettings.Ports> instances = List.of(SuiteSettings.Ports.free(), SuiteSettings.Ports.free());
		front = new FrontDoor(instances.stream().map(SuiteSettings.Ports::gateway).toList(),
				instances.get(0).emulator());
		SuiteSettings shared = RunningSuite.get().settings();
		suite = Suite.startReplicated(
				new SuiteSettings(RealRedis.shared().host(), RealRedis.shared().port(), shared.kafka(),
						instances.get(0), RunningSuite.OPENTOK, "two", RunningSuite.SECRET),
				instances, front.url(), ServiceJars.locate(), Path.of("target", "two-of-everything-logs"));
		warmUp();
	}

	/**
	 * Fresh JVMs answer their first requests slowly (a dial may exceed queue-service's
	 * 3-s budget for token-service): a few dials through each instance first, as a
	 * deployment's readiness traffic would, then the call center is emptied again.
	 */
	private static void warmUp() {
		HttpClient http = HttpClient.newHttpClient();
		for (int i = 0; i < 4; i++) {
			await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
				HttpResponse<String> dial = http.send(HttpRequest.newBuilder(URI.create(front.url() + "/api/calls"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Warm-up\",\"mode\":\"audioOnly\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (dial.statusCode() != 201) {
					return false;
				}
				JsonNode answer = JSON.readTree(dial.body());
				http.send(HttpRequest
					.newBuilder(URI.create(front.url() + "/api/calls/" + answer.get("call").get("id").asString()))
					.header("Authorization", "Bearer " + answer.get("callerToken").asString())
					.DELETE()
					.build(), HttpResponse.BodyHandlers.discarding());
				return true;
			});
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> liveCalls().isEmpty());
	}

	@AfterAll
	static void stop() throws Exception {
		if (suite != null) {
			suite.close();
		}
		if (front != null) {
			front.close();
		}
	}

	@Test
	void killingOneInstanceOfEveryServiceMidCallLosesNothingAndEveryStreamRecovers() {
		try (AgentConsole alice = new AgentConsole(front.url()).signIn("alice", "demo");
				AgentConsole bob = new AgentConsole(front.url()).signIn("bob", "demo");
				CallerPage ann = new CallerPage(front.url()).open().dial("Ann", "first", true);
				CallerPage ben = new CallerPage(front.url()).open().dial("Ben", "second", true)) {
			// least connections: one caller each
			await().atMost(CallerPage.PATIENCE)
				.until(() -> alice.callerNames().size() == 1 && bob.callerNames().size() == 1);
			AgentConsole annsAgent = alice.callerNames().contains("Ann") ? alice : bob;
			AgentConsole bensAgent = (annsAgent == alice) ? bob : alice;
			annsAgent.accept("Ann");
			annsAgent.awaitBadge("Ann", "On call");
			ann.awaitOnCallWithAgentVideo();
			await().atMost(CallerPage.PATIENCE).until(() -> annsAgent.callerMedia().equals("1 live audio, 0 video"));
			assertEveryLiveCallInExactlyOnePlace(2);

			for (String service : SERVICES) {
				suite.kill(service);
			}

			// the streams come back through the survivors: the consoles still show their
			// callers
			// and act on them; the call in progress goes on; the waiting caller is taken
			bensAgent.awaitCaller("Ben");
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
				bensAgent.accept("Ben");
				bensAgent.awaitBadge("Ben", "On call");
			});
			ben.awaitOnCallWithAgentVideo();
			// Ann (audio only) is still heard on her agent's console, still on call
			assertThat(annsAgent.callerMedia()).isEqualTo("1 live audio, 0 video");
			annsAgent.awaitBadge("Ann", "On call");
			assertEveryLiveCallInExactlyOnePlace(2);

			// a new caller dials through the survivors (a new session and token:
			// token-service) and
			// is served; OpenTok's callbacks reach the surviving callback-service
			try (CallerPage cid = new CallerPage(front.url()).open().dial("Cid", "after the crash", true)) {
				await().atMost(CallerPage.PATIENCE)
					.until(() -> alice.callerNames().contains("Cid") || bob.callerNames().contains("Cid"));
				AgentConsole cidsAgent = alice.callerNames().contains("Cid") ? alice : bob;
				await().atMost(Duration.ofSeconds(30)).until(() -> connected(cid.callId()));
				assertEveryLiveCallInExactlyOnePlace(3);
				annsAgent.end("Ann");
				assertThat(ann.awaitEnded()).contains("ended");
				cidsAgent.awaitCaller("Cid");
			}
			await().atMost(CallerPage.PATIENCE).until(() -> liveCalls().size() == 1);
			assertEveryLiveCallInExactlyOnePlace(1);
		}
	}

	/**
	 * A call's confirmed connection, as queue-service knows it from the webhook or the
	 * page.
	 */
	private static boolean connected(String callId) {
		return liveCalls().stream()
			.anyMatch((call) -> call.get("id").asString().equals(callId) && call.get("connected").asBoolean());
	}

	private static List<JsonNode> liveCalls() {
		List<JsonNode> calls = new ArrayList<>();
		snapshot().get("liveCalls").forEach(calls::add);
		return calls;
	}

	/**
	 * The queue's invariant as a supervisor reads it: a waiting call is in the pending
	 * queue and with no agent; an assigned, active or held call is with its agent alone
	 * and not pending.
	 */
	private static void assertEveryLiveCallInExactlyOnePlace(int expectedLive) {
		JsonNode snapshot = snapshot();
		Map<String, Integer> places = new HashMap<>();
		snapshot.get("pendingCallIds").forEach((id) -> places.merge(id.asString(), 1, Integer::sum));
		Map<String, String> holder = new HashMap<>();
		for (JsonNode agent : snapshot.get("agents")) {
			for (JsonNode id : agent.get("callIds")) {
				places.merge(id.asString(), 1, Integer::sum);
				holder.put(id.asString(), agent.get("id").asString());
			}
		}
		assertThat(snapshot.get("liveCalls")).as(snapshot.toString()).hasSize(expectedLive);
		for (JsonNode call : snapshot.get("liveCalls")) {
			String id = call.get("id").asString();
			assertThat(places.get(id)).as("places of " + id + " in " + snapshot).isEqualTo(1);
			if (!"WAITING".equals(call.get("state").asString())) {
				assertThat(holder.get(id)).as(snapshot.toString()).isEqualTo(call.get("agentId").asString());
			}
		}
		assertThat(places.keySet()).as(snapshot.toString()).containsExactlyInAnyOrderElementsOf(liveCalls(snapshot));
	}

	private static List<String> liveCalls(JsonNode snapshot) {
		List<String> ids = new ArrayList<>();
		snapshot.get("liveCalls").forEach((call) -> ids.add(call.get("id").asString()));
		return ids;
	}

	/** From whichever queue-service instance answers. */
	private static JsonNode snapshot() {
		String identity = new SignedCredentials(RunningSuite.SECRET, Clock.systemUTC()).issue(Purpose.AGENT,
				"supervisor", Duration.ofMinutes(1));
		for (String instance : List.of("queue-service", "queue-service-2")) {
			try {
				HttpResponse<String> answer = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create(suite.url(instance) + "/api/queue"))
						.header(SignedCredentials.AGENT_HEADER, identity)
						.timeout(Duration.ofSeconds(5))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200) {
					return JSON.readTree(answer.body());
				}
			}
			catch (Exception down) {
				// the other instance answers
			}
		}
		throw new IllegalStateException("no queue-service instance answers");
	}

}
