package org.callcenter.system;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Warm transfers as agents and callers see them: an agent asks a colleague to join the
 * call with a note; the colleague joins (three parties: each sees the two others), takes
 * the call over on the connection it joined with, and the first agent lets go. A consult
 * can also be cancelled by the agent who asked, or declined by the colleague; the call
 * stays where it was. Every test leaves its agents available and signed out.
 */
class AgentWarmTransferIT {

	private final String gateway = RunningSuite.get().gatewayUrl();

	@BeforeEach
	void emptyCallCenter() {
		QuietQueue.await();
	}

	@Test
	void aColleagueJoinsTheCallSeesAndIsSeenByBothThenTakesItOverAndTheFirstAgentLetsGo() {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage ann = new CallerPage(this.gateway)) {
			alice.awaitState("Available");
			ann.dial("Ann", "a refund", false);
			alice.awaitCaller("Ann");
			alice.accept("Ann");
			ann.awaitOnCallWithAgentVideo();
			alice.awaitCallerVideo();

			try (AgentConsole bob = new AgentConsole(this.gateway).signIn("bob", "demo")) {
				bob.awaitState("Available");

				alice.consult("Ann", "Bob", "order 4711, refund already approved");

				alice.awaitConsultStatus("Ann", "Waiting for Bob to join");
				bob.awaitConsultRequest("Alice asks you to join the call with Ann");
				assertThat(bob.consultNote()).isEqualTo("“order 4711, refund already approved”");
				ann.awaitConsultStatus("Alice is asking Bob to join your call");
				assertThat(ann.consultStatus()).doesNotContain("4711");
				assertThat(ServerState.call(ann.callId()).get("consultAgentId").asString()).isEqualTo("bob");
				bob.screenshot("agent-consult-request");

				bob.joinConsult();

				// three parties: each one sees and hears the two others
				bob.awaitCallerVideo();
				bob.awaitColleagueVideo();
				assertThat(bob.colleagueLabel()).isEqualTo("Alice");
				alice.awaitColleagueVideo();
				assertThat(alice.colleagueLabel()).isEqualTo("Bob");
				alice.awaitCallerVideo();
				alice.awaitConsultStatus("Ann", "Bob joined");
				await().atMost(CallerPage.PATIENCE).until(() -> ann.playingAgentVideos() == 2);
				ann.awaitConsultStatus("Bob joined your call with Alice");
				alice.awaitStageCaption("Talking with Ann and Bob");
				assertThat(ServerState.call(ann.callId()).get("agentId").asString()).isEqualTo("alice");
				alice.screenshot("agent-warm-transfer-three-parties");
				bob.screenshot("agent-warm-transfer-joined");
				ann.screenshot("caller-warm-transfer-two-agents");

				bob.takeOver();

				bob.awaitBadge("Ann", "On call");
				bob.awaitNoConsultRequest();
				alice.awaitCallers(0);
				alice.awaitStageCaption("Bob took the call with Ann");
				alice.awaitNotPublishing();
				assertThat(alice.showsCallerVideo()).isFalse();
				assertThat(alice.showsColleagueVideo()).isFalse();
				assertThat(alice.showsWrapUpPanel()).as("no notes for a call that goes on elsewhere").isFalse();
				ann.awaitConsultStatus("You are now talking with Bob");
				await().atMost(CallerPage.PATIENCE)
					.until(() -> ann.agentVideos() == 1 && ann.playingAgentVideos() == 1);
				// bob kept the connection it joined with: the caller's video plays on,
				// alice's tile is gone
				bob.awaitCallerVideo();
				await().atMost(CallerPage.PATIENCE).until(() -> !bob.showsColleagueVideo());
				assertThat(bob.publishing()).isTrue();
				var call = ServerState.call(ann.callId());
				assertThat(call.get("agentId").asString()).isEqualTo("bob");
				assertThat(call.get("transferredBy").asString()).isEqualTo("alice");
				bob.screenshot("agent-warm-transfer-taken-over");

				bob.end("Ann");
				ann.awaitEnded();
				bob.signOut();
			}
			alice.signOut();
		}
	}

	@Test
	void aConsultCancelledOrDeclinedLeavesTheCallWithTheFirstAgentAndTheColleagueFreeForNewCallers() {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage ann = new CallerPage(this.gateway)) {
			alice.awaitState("Available");
			ann.dial("Ann", "a question", false);
			alice.awaitCaller("Ann");
			alice.accept("Ann");
			ann.awaitOnCallWithAgentVideo();

			try (AgentConsole bob = new AgentConsole(this.gateway).signIn("bob", "demo");
					CallerPage bea = new CallerPage(this.gateway)) {
				bob.awaitState("Available");

				alice.consult("Ann", "Bob", null);
				bob.awaitConsultRequest("Alice asks you to join the call with Ann");
				assertThat(bob.consultNote()).isEmpty();
				// a reloaded console finds the request again
				bob.reload();
				bob.awaitConsultRequest("Alice asks you to join the call with Ann");
				alice.awaitConsultStatus("Ann", "Waiting for Bob to join");
				alice.cancelConsult("Ann");
				bob.awaitNoConsultRequest();
				alice.awaitConsultStatus("Ann", "You cancelled the consult");
				await().atMost(CallerPage.PATIENCE).until(() -> ann.consultStatus().isEmpty());

				alice.consult("Ann", "Bob", "second try");
				bob.awaitConsultRequest("Alice asks you to join the call with Ann");
				bob.declineConsult();
				bob.awaitNoConsultRequest();
				alice.awaitConsultStatus("Ann", "Bob declined to join");
				assertThat(bob.awaitOfferNews("declined")).contains("You declined to join the call with Ann");

				var call = ServerState.call(ann.callId());
				assertThat(call.get("agentId").asString()).isEqualTo("alice");
				assertThat(call.get("state").asString()).isEqualTo("ON_CALL");
				assertThat(call.get("consultAgentId") == null || call.get("consultAgentId").isNull()).isTrue();
				assertThat(alice.showsColleagueVideo()).isFalse();

				// the colleague takes new callers again: with alice away, the next caller
				// goes to bob
				alice.end("Ann");
				ann.awaitEnded();
				alice.goAway("lunch");
				bea.dial("Bea", "next in line", false);
				bob.awaitCaller("Bea");
				bob.accept("Bea");
				bea.awaitOnCallWithAgentVideo();
				bob.end("Bea");
				bea.awaitEnded();
				bob.signOut();
			}
			alice.goAvailable();
			alice.signOut();
		}
	}

}
