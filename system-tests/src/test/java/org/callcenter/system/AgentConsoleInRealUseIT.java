package org.callcenter.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agent console where real use goes wrong: refused actions, new callers arriving
 * while the agent works, timers, muting, and keyboard and screen-reader use.
 */
class AgentConsoleInRealUseIT {

	private final String gateway = RunningSuite.get().gatewayUrl();

	@BeforeEach
	void emptyCallCenter() {
		QuietQueue.await();
	}

	@Test
	void aRefusedAcceptChangesNothingOnThePageAndSaysWhy() {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage bob = new CallerPage(this.gateway);
				CallerPage mia = new CallerPage(this.gateway)) {
			bob.dial("Bob", "talking", false);
			alice.awaitCaller("Bob");
			alice.accept("Bob");
			bob.awaitOnCallWithAgentVideo();
			alice.awaitCallerVideo();
			mia.dial("Mia", "about to drop", false);
			String mias = mia.callId();
			alice.awaitCaller("Mia");

			mia.closeTab(); // Mia's connection is lost: she cannot be taken until she is
							// back
			await().atMost(CallerPage.PATIENCE).until(() -> !ServerState.call(mias).path("reconnectBy").isNull());
			alice.accept("Mia");

			assertThat(alice.alert()).contains("Mia");
			assertThat(alice.publishing()).isTrue();
			assertThat(alice.stageCaption()).contains("Talking with Bob");
			alice.awaitCallerVideo();
			assertThat(ServerState.call(bob.callId()).get("state").asString()).isEqualTo("ON_CALL");
			assertThat(ServerState.call(mias).get("state").asString()).isEqualTo("ASSIGNED");
			bob.awaitOnCallWithAgentVideo();
			alice.screenshot("agent-refused-accept");
			alice.end("Bob");
			alice.signOut();
		}
	}

	@Test
	void aNewCallerRingsTimersRunAndBothSidesCanMute() throws Exception {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage mia = new CallerPage(this.gateway)) {
			mia.dial("Mia", "timers", false);
			alice.awaitCaller("Mia");
			await().atMost(CallerPage.PATIENCE).until(() -> alice.title().contains("New caller"));
			await().atMost(CallerPage.PATIENCE).until(() -> alice.timer("Mia").matches("Waiting .*[1-9] s"));

			alice.accept("Mia");
			mia.awaitOnCallWithAgentVideo();
			await().atMost(CallerPage.PATIENCE).until(() -> alice.timer("Mia").startsWith("On call"));
			assertThat(alice.title()).doesNotContain("New caller");

			assertThat(mia.microphoneLive()).isTrue();
			mia.toggleMute();
			assertThat(mia.microphoneLive()).isFalse();
			mia.toggleMute();
			assertThat(mia.microphoneLive()).isTrue();
			alice.toggleMute();
			assertThat(alice.microphoneLive()).isFalse();
			alice.screenshot("agent-muted-on-call");

			alice.hold("Mia");
			await().atMost(CallerPage.PATIENCE).until(() -> alice.timer("Mia").startsWith("On hold"));
			alice.end("Mia");
			mia.awaitEnded();
			alice.signOut();
		}
		HttpClient http = HttpClient.newHttpClient();
		assertThat(http
			.send(HttpRequest.newBuilder(URI.create(this.gateway + "/favicon.ico")).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void cardsUpdateInPlaceSoFocusSurvivesAndNoTimerFloodsScreenReaders() throws Exception {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage ann = new CallerPage(this.gateway);
				CallerPage mia = new CallerPage(this.gateway)) {
			ann.dial("Ann", "first", false);
			alice.awaitCaller("Ann");
			alice.focusAction("Ann", "end");

			mia.dial("Mia", "second", false);
			alice.awaitCaller("Mia");

			assertThat(alice.focusedAction()).isEqualTo("Ann:end");
			assertThat(alice.callersRegionIsLive()).isFalse();
			assertThat(ann.timerIsInLiveRegion()).isFalse();
			alice.signOut();
		}
		HttpClient http = HttpClient.newHttpClient();
		for (String page : new String[] { "/caller.html", "/login", "/index.html" }) {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(this.gateway + page)).build(),
					HttpResponse.BodyHandlers.ofString());
			String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(policy).as(page).contains("script-src 'self'");
			assertThat(policy.replaceAll(".*script-src([^;]*).*", "$1")).as(page).doesNotContain("unsafe-inline");
			assertThat(answer.body()).as(page)
				.doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>| on[a-z]+=\"");
		}
		try (AgentConsole wrong = new AgentConsole(this.gateway)) {
			assertThat(wrong.signInFails("alice", "not-the-password")).contains("Wrong user name or password");
		}
	}

}
