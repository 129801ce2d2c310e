package org.callcenter.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The caller's page where real use goes wrong: hang-ups mid-call, reloads, a busy network
 * address, missing or blocked devices, nobody online, calls closed before anyone
 * answered.
 */
class CallerPageInRealUseIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SignedCredentials CREDENTIALS = new SignedCredentials(RunningSuite.SECRET, Clock.systemUTC());

	private final String gateway = RunningSuite.get().gatewayUrl();

	@BeforeEach
	void emptyCallCenter() {
		QuietQueue.await();
	}

	@Test
	void whenTheCallerHangsUpMidCallTheAgentsStageClearsAndItsCameraStops() {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage mia = new CallerPage(this.gateway)) {
			mia.dial("Mia", "delivery", false);
			String callId = mia.callId();
			alice.awaitCaller("Mia");
			alice.accept("Mia");
			mia.awaitOnCallWithAgentVideo();
			alice.awaitCallerVideo();
			assertThat(alice.publishing()).isTrue();

			mia.leave();
			long left = System.nanoTime();
			alice.awaitStageCaption("Mia left the call");
			alice.awaitNotPublishing();
			System.out.printf("agent stage cleared %d ms after the caller left%n",
					Duration.ofNanos(System.nanoTime() - left).toMillis());
			alice.awaitCallers(0);
			assertThat(ServerState.call(callId).get("endReason").asString()).isEqualTo("callerLeft");
			alice.screenshot("caller-left-mid-call");
			alice.signOut();
		}
	}

	@Test
	void aRateLimitedDialSaysWhenToTryAgainAndPlacesNoCall() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		AtomicBoolean busy = new AtomicBoolean(true);
		ExecutorService neighbours = Executors.newFixedThreadPool(2);
		try (CallerPage mia = new CallerPage(this.gateway).open()) {
			int before = ServerState.liveCalls();
			// other callers at the same address keep dialing and use up the dials it may
			// make (each
			// is an invalid dial: refused by queue-service, but counted by the gateway's
			// limiter first)
			for (int i = 0; i < 2; i++) {
				neighbours.submit(() -> {
					while (busy.get()) {
						dialFromThisAddress(http, "{}");
					}
					return null;
				});
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> dialFromThisAddress(http, "{}") == 429);

			mia.submit("Mia", "billing", false);

			assertThat(mia.dialError()).contains("Please try again in 1 second");
			busy.set(false);
			assertThat(mia.dialEnabled()).isTrue();
			assertThat(ServerState.liveCalls()).isEqualTo(before);
			mia.screenshot("caller-rate-limited");
		}
		finally {
			busy.set(false);
			neighbours.shutdown();
			// the next test dials from this address too: wait until the limiter lets
			// dials through again
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> dialFromThisAddress(http, "{}") == 400);
		}
	}

	@Test
	void aReloadWhileWaitingKeepsTheExactPlaceInLine() {
		try (CallerPage ann = new CallerPage(this.gateway);
				CallerPage mia = new CallerPage(this.gateway);
				CallerPage cid = new CallerPage(this.gateway)) {
			ann.dial("Ann", "first", false);
			mia.dial("Mia", "second", false);
			cid.dial("Cid", "third", false);
			await().atMost(CallerPage.PATIENCE).until(() -> mia.queuePosition().equals("2"));
			String callId = mia.callId();

			mia.reload();

			assertThat(mia.queuePosition()).isEqualTo("2");
			assertThat(mia.callId()).isEqualTo(callId);
			await().atMost(CallerPage.PATIENCE)
				.until(() -> ServerState.call(callId).path("reconnectBy").isNull()
						&& ServerState.call(callId).get("connected").asBoolean());
			assertThat(ServerState.call(callId).get("queuePosition").asInt()).isEqualTo(2);
			assertThat(ServerState.call(callId).get("state").asString()).isEqualTo("WAITING");
			assertThat(cid.queuePosition()).isEqualTo("3");
			mia.screenshot("caller-reloaded-while-waiting");
		}
	}

	@Test
	void aReloadDuringTheCallComesBackToTheCallWithoutTheAgentDoingAnything() {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage mia = new CallerPage(this.gateway)) {
			mia.dial("Mia", "a long story", false);
			alice.awaitCaller("Mia");
			alice.accept("Mia");
			mia.awaitOnCallWithAgentVideo();
			alice.awaitCallerVideo();
			String callId = mia.callId();

			mia.reload();

			mia.awaitOnCallWithAgentVideo();
			alice.awaitCallerVideo();
			assertThat(mia.callId()).isEqualTo(callId);
			assertThat(ServerState.call(callId).get("state").asString()).isEqualTo("ON_CALL");
			alice.awaitBadge("Mia", "On call");
			mia.screenshot("caller-reloaded-during-call");
			alice.end("Mia");
			mia.awaitEnded();
			alice.signOut();
		}
	}

	@Test
	void aCallerWhoClosesTheTabMidCallIsShownAsDroppedAndTheCallEndsAfterTheGracePeriod() {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage mia = new CallerPage(this.gateway)) {
			mia.dial("Mia", "closing the tab", false);
			alice.awaitCaller("Mia");
			alice.accept("Mia");
			mia.awaitOnCallWithAgentVideo();
			alice.awaitCallerVideo();
			String callId = mia.callId();

			mia.closeTab();

			alice.awaitStageCaption("connection dropped");
			await().atMost(CallerPage.PATIENCE).until(() -> !ServerState.call(callId).path("reconnectBy").isNull());
			await().atMost(CallerPage.PATIENCE)
				.until(() -> "ENDED".equals(ServerState.call(callId).get("state").asString()));
			assertThat(ServerState.call(callId).get("endReason").asString()).isEqualTo("callerDisconnected");
			alice.awaitStageCaption("Mia left the call");
			alice.awaitNotPublishing();
			alice.signOut();
		}
	}

	@Test
	void aCallerWithoutACameraIsOfferedAudioOnlyAndTheAgentSeesAnAudioOnlyCall() {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage mia = new CallerPage(this.gateway).withDevices(false, true).open()) {
			assertThat(mia.deviceStatus()).contains("camera");
			assertThat(mia.cameraChoiceEnabled()).isFalse();
			assertThat(mia.dialEnabled()).isTrue();
			mia.screenshot("caller-no-camera");

			mia.dial("Mia", "no camera here", true);
			alice.awaitCaller("Mia");
			assertThat(alice.cardMedia("Mia")).isEqualTo("Audio only");
			alice.accept("Mia");

			await().atMost(CallerPage.PATIENCE).until(() -> alice.callerMedia().equals("1 live audio, 0 video"));
			alice.awaitStageCaption("Audio only");
			assertThat(ServerState.call(mia.callId()).get("mode").asString()).isEqualTo("audioOnly");
			alice.screenshot("agent-audio-only-call");
			alice.signOut();
		}
	}

	@Test
	void aCallerWhoBlockedCameraAndMicrophoneIsToldHowToFixItAndCannotDial() {
		int before = ServerState.liveCalls();
		try (CallerPage mia = new CallerPage(this.gateway).withDevices(false, false).open()) {
			assertThat(mia.deviceStatus()).containsIgnoringCase("microphone").containsIgnoringCase("allow");
			assertThat(mia.dialEnabled()).isFalse();
			mia.screenshot("caller-devices-blocked");
		}
		assertThat(ServerState.liveCalls()).isEqualTo(before);
	}

	@Test
	void aWaitingCallerIsToldWhenNoAgentIsOnlineAndTheMessageGoesWhenOneIs() {
		try (CallerPage mia = new CallerPage(this.gateway)) {
			mia.dial("Mia", "anyone there?", false);
			await().atMost(CallerPage.PATIENCE).until(() -> mia.waitingMessage().contains("No agent is online"));
			mia.screenshot("caller-no-agent-online");

			try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo")) {
				alice.awaitCaller("Mia");
				await().atMost(CallerPage.PATIENCE).until(() -> !mia.waitingMessage().contains("No agent is online"));
				alice.signOut();
			}
		}
	}

	@Test
	void aCallClosedBeforeAnyAgentTookItDoesNotSayTheAgentEndedIt() {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage mia = new CallerPage(this.gateway)) {
			mia.dial("Mia", "wrong number", false);
			String callId = mia.callId();
			alice.awaitCaller("Mia");

			alice.end("Mia");

			assertThat(mia.awaitEnded()).contains("closed before an agent could take it").doesNotContain("agent ended");
			assertThat(ServerState.call(callId).path("callStartedAt").isNull()).isTrue();
			alice.signOut();
		}
	}

	@Test
	void waitingPagesFollowTheirPlaceFromPushedMovesWithoutReadingTheirCallAgain() throws Exception {
		// callers ahead in line without a browser, straight at queue-service
		String ann = dialDirectly("Ann");
		String bob = dialDirectly("Bob");
		String cat = dialDirectly("Cat");
		try (CallerPage cid = new CallerPage(this.gateway).countingReads();
				CallerPage dee = new CallerPage(this.gateway).countingReads()) {
			cid.dial("Cid", "fourth", false);
			dee.dial("Dee", "fifth", false);
			await().atMost(CallerPage.PATIENCE).until(() -> cid.queuePosition().equals("4"));
			await().atMost(CallerPage.PATIENCE).until(() -> dee.queuePosition().equals("5"));

			leaveDirectly(bob);
			await().atMost(CallerPage.PATIENCE).until(() -> cid.queuePosition().equals("3"));
			await().atMost(CallerPage.PATIENCE).until(() -> dee.queuePosition().equals("4"));
			leaveDirectly(ann);
			await().atMost(CallerPage.PATIENCE).until(() -> cid.queuePosition().equals("2"));
			await().atMost(CallerPage.PATIENCE).until(() -> dee.queuePosition().equals("3"));
			cid.leave();
			await().atMost(CallerPage.PATIENCE).until(() -> dee.queuePosition().equals("2"));
			assertThat(ServerState.call(dee.callId()).get("queuePosition").asInt()).isEqualTo(2);
			dee.screenshot("caller-moved-up-by-pushed-moves");

			// each read came from the page's own call changing (or its stream opening),
			// none
			// from the queue moves
			assertThat(dee.notices("queue")).isGreaterThanOrEqualTo(3);
			assertThat(dee.callReads()).isLessThanOrEqualTo(dee.notices("ready") + dee.notices("call"));
			assertThat(cid.notices("queue")).isGreaterThanOrEqualTo(2);

			// the head of the line is taken: an agent comes online and is given everyone
			goOnlineDirectly("moves-agent");
			await().atMost(CallerPage.PATIENCE)
				.until(() -> dee.waitingMessage().contains("An agent will be with you shortly"));
			assertThat(ServerState.call(cat).get("agentId").asString()).isEqualTo("moves-agent");
		}
	}

	@Test
	void thePagesPlaceArithmeticAppliesMovesInOrderAndReadsOnceWhenOneIsMissing() {
		try (CallerPage page = new CallerPage(this.gateway).open()) {
			Object seen = page.runScript("""
					window.__stale = 0;
					var p = window.__place = CallCenter.QueuePlace(function () { window.__stale++; },
					    { patience: [50, 50] });
					var seen = [];
					function note() { seen.push(String(p.place())); }
					p.read({ state: 'WAITING', arrival: 10, queueVersion: 7, queuePosition: 4 }); note();
					p.move({ version: 8, arrival: 3, joined: false }); note();   // ahead left: 3
					p.move({ version: 9, arrival: 12, joined: true }); note();   // behind joined: 3
					p.move({ version: 10, arrival: 2, joined: true }); note();   // came back ahead: 4
					p.move({ version: 10, arrival: 2, joined: true }); note();   // told twice: 4
					p.move({ version: 12, arrival: 1, joined: false }); note();  // 11 not here yet: 4
					p.move({ version: 11, arrival: 5, joined: false }); note();  // 11, then 12: 2
					p.read({ state: 'WAITING', arrival: 10, queueVersion: 9, queuePosition: 3 }); note(); // older: 2
					p.move({ version: 14, arrival: 4, joined: false }); note();  // 13 missing: 2
					return seen.join(' ');
					""");
			assertThat(seen).isEqualTo("4 3 3 4 4 4 2 2 2");
			// move 13 never comes: the page asks for one read
			await().atMost(Duration.ofSeconds(10))
				.until(() -> ((Number) page.runScript("return window.__stale;")).intValue() == 1);
			Object afterRead = page.runScript(
					"""
							var p = window.__place;
							p.read({ state: 'WAITING', arrival: 10, queueVersion: 13, queuePosition: 2 });
							var seen = [String(p.place())];   // and 14, held, applied: 1
							p.read({ state: 'ASSIGNED', arrival: 10 }); seen.push(String(p.place()));   // no place while assigned
							// moves that come before the first read of a call going back to the line
							p.move({ version: 16, arrival: 1, joined: false });
							p.move({ version: 17, arrival: 2, joined: true });
							p.read({ state: 'WAITING', arrival: 10, queueVersion: 16, queuePosition: 2 }); seen.push(String(p.place()));
							p.stop();
							return seen.join(' ');
							""");
			assertThat(afterRead).isEqualTo("1 null 3");
			assertThat(((Number) page.runScript("return window.__stale;")).intValue()).isEqualTo(1);
		}
	}

	private String dialDirectly(String name) throws Exception {
		JsonNode dialed = JSON.readTree(sendDirectly("POST", "/api/calls",
				"{\"name\":\"" + name + "\",\"reason\":\"ahead\",\"mode\":\"audioVideo\"}",
				SignedCredentials.SERVICE_HEADER,
				CREDENTIALS.issue(Purpose.SERVICE, "gateway", Duration.ofMinutes(1))));
		return dialed.at("/call/id").asString();
	}

	private void leaveDirectly(String callId) throws Exception {
		sendDirectly("DELETE", "/api/calls/" + callId, null, "Authorization",
				"Bearer " + CREDENTIALS.issue(Purpose.CALLER, callId, Duration.ofMinutes(1)));
	}

	private void goOnlineDirectly(String agentId) throws Exception {
		sendDirectly("PUT", "/api/agents/" + agentId, "{\"displayName\":\"Moves\"}", SignedCredentials.AGENT_HEADER,
				CREDENTIALS.issue(Purpose.AGENT, agentId, Duration.ofMinutes(1)));
	}

	private String sendDirectly(String method, String path, String body, String header, String value) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(RunningSuite.get().url("queue-service") + path))
				.header("Content-Type", "application/json")
				.header(header, value)
				.method(method,
						(body != null) ? HttpRequest.BodyPublishers.ofString(body)
								: HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
		return response.body();
	}

	private int dialFromThisAddress(HttpClient http, String body) throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create(this.gateway + "/api/calls"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
