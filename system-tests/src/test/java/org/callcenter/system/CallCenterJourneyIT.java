package org.callcenter.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product as people use it: caller pages and agent consoles in headless Chromium with
 * fake cameras and microphones, through the gateway, the whole suite running on real
 * Redis and Kafka with the OpenTok emulator.
 */
class CallCenterJourneyIT {

	private final String gateway = RunningSuite.get().gatewayUrl();

	@BeforeEach
	void emptyCallCenter() {
		QuietQueue.await();
	}

	@Test
	void aCallerWaitsForTheFirstAgentTheyTalkAndTheAgentHoldsResumesAndEndsTheCall() {
		try (CallerPage ann = new CallerPage(this.gateway); AgentConsole alice = new AgentConsole(this.gateway)) {
			ann.dial("Ann", "My order never arrived", false);
			assertThat(ann.queuePosition()).isEqualTo("1");

			alice.signIn("alice", "demo");
			alice.awaitCaller("Ann");
			assertThat(alice.badge("Ann")).isEqualTo("Waiting");
			// her own figures, beside her state (what the suite's earlier tests left)
			long answeredBefore = await().atMost(CallerPage.PATIENCE)
				.until(alice::callsAnswered, (answered) -> answered >= 0);

			alice.accept("Ann");
			ann.awaitOnCallWithAgentVideo();
			alice.awaitCallerVideo();
			alice.awaitBadge("Ann", "On call");
			// the talk time counts up while they talk; no hold time before a hold
			long talked = alice.talkSeconds("Ann");
			assertThat(talked).as(alice.callTimes("Ann")).isGreaterThanOrEqualTo(0);
			assertThat(alice.holdSeconds("Ann")).isEqualTo(-1);
			await().atMost(CallerPage.PATIENCE).until(() -> alice.talkSeconds("Ann") > talked);
			// the state says new callers still come; beside it, what she is doing
			assertThat(alice.state()).isEqualTo("Available");
			assertThat(alice.activity()).isEqualTo("· on a call with Ann");
			ann.screenshot("journey-caller-on-call");
			alice.screenshot("journey-agent-on-call");

			alice.hold("Ann");
			ann.awaitOnHold();
			alice.awaitBadge("Ann", "On hold");
			// on hold: the talk so far stays shown, the hold time counts up
			assertThat(alice.talkSeconds("Ann")).isGreaterThan(0);
			long held = alice.holdSeconds("Ann");
			assertThat(held).as(alice.callTimes("Ann")).isGreaterThanOrEqualTo(0);
			await().atMost(CallerPage.PATIENCE).until(() -> alice.holdSeconds("Ann") > held);
			assertThat(alice.activity()).isEqualTo("· Ann on hold");
			ann.screenshot("journey-caller-on-hold");
			alice.screenshot("journey-agent-on-hold");

			alice.resume("Ann");
			ann.awaitOnCallWithAgentVideo();
			// talking again: the hold time stays shown (the call was held), the talk time
			// goes on from where it was
			alice.awaitBadge("Ann", "On call");
			assertThat(alice.holdSeconds("Ann")).as(alice.callTimes("Ann")).isGreaterThan(0);
			long talkedAfterHold = alice.talkSeconds("Ann");
			await().atMost(CallerPage.PATIENCE).until(() -> alice.talkSeconds("Ann") > talkedAfterHold);
			alice.screenshot("journey-agent-talk-and-hold-times");

			alice.end("Ann");
			assertThat(ann.awaitEnded()).contains("ended the call");
			ann.screenshot("journey-caller-ended");
			alice.awaitCallers(0);
			// the call ended counts in her figures, with its handle time
			await().atMost(CallerPage.PATIENCE)
				.until(alice::callsAnswered, (answered) -> answered == answeredBefore + 1);
			assertThat(alice.myFigures()).contains("average handle time");
			alice.signOut();
		}
	}

	@Test
	void twoAgentsShareThreeCallersAndWhenOneSignsOutItsCallersMoveToTheOther() {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				AgentConsole bob = new AgentConsole(this.gateway).signIn("bob", "demo");
				CallerPage first = new CallerPage(this.gateway);
				CallerPage second = new CallerPage(this.gateway);
				CallerPage third = new CallerPage(this.gateway)) {
			first.dial("Caller One", "billing", false);
			alice.awaitCallers(1);
			second.dial("Caller Two", "delivery", false);
			bob.awaitCallers(1);
			third.dial("Caller Three", "returns", false);
			alice.awaitCallers(2);
			assertThat(alice.callerNames()).containsExactly("Caller One", "Caller Three");
			assertThat(bob.callerNames()).containsExactly("Caller Two");

			alice.accept("Caller One");
			first.awaitOnCallWithAgentVideo();
			alice.accept("Caller Three");
			third.awaitOnCallWithAgentVideo();
			alice.awaitBadge("Caller One", "On hold");
			first.awaitOnHold();
			alice.resume("Caller One");
			first.awaitOnCallWithAgentVideo();
			alice.awaitBadge("Caller Three", "On hold");
			alice.screenshot("two-agents-alice");

			alice.signOut();
			bob.awaitCallers(3);
			assertThat(bob.callerNames()).containsExactlyInAnyOrder("Caller One", "Caller Two", "Caller Three");
			bob.screenshot("two-agents-bob-after-alice-left");
			bob.signOut();
		}
	}

	@Test
	void anAudioOnlyCallerPublishesNoVideoAndItsAudioIsLiveForTheAgent() {
		try (CallerPage ann = new CallerPage(this.gateway); AgentConsole alice = new AgentConsole(this.gateway)) {
			alice.signIn("alice", "demo");
			ann.dial("Audio Ann", "voice only please", true);
			alice.awaitCaller("Audio Ann");

			alice.accept("Audio Ann");

			org.awaitility.Awaitility.await()
				.atMost(CallerPage.PATIENCE)
				.until(() -> alice.callerMedia().equals("1 live audio, 0 video"));
			alice.signOut();
		}
	}

	@Test
	void agentApisNeedSignInAgentsOnlyTouchTheirOwnCallersAndNamesAreShownAsText() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String path : List.of("/api/agent/callers", "/api/agent", "/api/queue")) {
			assertThat(http
				.send(HttpRequest.newBuilder(URI.create(this.gateway + path)).build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode()).as(path).isEqualTo(401);
		}
		String hostile = "<img src=x onerror=alert(1)>";
		try (CallerPage mallory = new CallerPage(this.gateway); AgentConsole alice = new AgentConsole(this.gateway)) {
			alice.signIn("alice", "demo");
			mallory.dial(hostile, "<script>alert(2)</script>", false);
			alice.awaitCaller(hostile);
			assertThat(alice.nameMarkup(hostile)).isEqualTo("&lt;img src=x onerror=alert(1)&gt;");
			alice.screenshot("security-name-as-text");

			SignedInAgent bob = SignedInAgent.signIn(this.gateway, "bob", "demo");
			String alicesCaller = bob.anyCallIdOf(RunningSuite.get().url("queue-service"), "alice");
			assertThat(bob.post("/api/agent/callers/" + alicesCaller + "/accept")).isEqualTo(403);
			assertThat(bob.post("/api/agent/callers/" + alicesCaller + "/end")).isEqualTo(403);
			bob.signOut();
			alice.signOut();
		}
	}

}
