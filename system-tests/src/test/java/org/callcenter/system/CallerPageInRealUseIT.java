package org.callcenter.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The caller's page where real use goes wrong: hang-ups mid-call, reloads, a busy network
 * address, missing or blocked devices, nobody online, calls closed before anyone
 * answered.
 */
class CallerPageInRealUseIT {

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

	private int dialFromThisAddress(HttpClient http, String body) throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create(this.gateway + "/api/calls"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
