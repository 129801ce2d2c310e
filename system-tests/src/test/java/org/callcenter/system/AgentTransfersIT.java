package org.callcenter.system;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Transfers as agents and callers see them: a cold transfer to a colleague with a note
 * (the caller hears whom to, also after reloading its page, the first agent's console
 * lets go of the call, the second takes it with video both ways), back to the queue where
 * the caller keeps its place, and no transfer to a colleague who is away. Every test
 * leaves its agents available and signed out.
 */
class AgentTransfersIT {

	private final String gateway = RunningSuite.get().gatewayUrl();

	@BeforeEach
	void emptyCallCenter() {
		QuietQueue.await();
	}

	@Test
	void aCallerTransferredToAColleagueWithANoteTalksWithTheColleagueAndTheFirstAgentLetsGo() {
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
				alice.openTransfer("Ann");
				alice.awaitCanTransferTo("Bob", true);
				assertThat(alice.colleagues()).anyMatch((c) -> c.startsWith("Bob Available"));
				alice.writeTransferNote("wants a refund for order 4711");
				alice.screenshot("agent-transfer-dialog");
				alice.pressEscape();
				await().atMost(CallerPage.PATIENCE).until(() -> !alice.showsTransferDialog());
				assertThat(alice.focusedAction()).as("focus back on the card's Transfer button")
					.isEqualTo("Ann:button");
				assertThat(ServerState.call(ann.callId()).get("agentId").asString()).isEqualTo("alice");

				alice.transfer("Ann", "Bob", "wants a refund for order 4711");

				bob.awaitTransferredBy("Ann", "Transferred by Alice");
				assertThat(bob.transferNote("Ann")).isEqualTo("“wants a refund for order 4711”");
				ann.awaitWaitingTitle("You are being transferred to Bob");
				assertThat(ann.transferStatus()).doesNotContain("refund");
				bob.screenshot("agent-transferred-card");
				ann.screenshot("caller-being-transferred");
				// a reload hears no pushed change: the call read again says the same
				ann.reload();
				assertThat(ann.waitingTitle()).as("right after the reload")
					.isEqualTo("You are being transferred to Bob");
				assertThat(ann.transferStatus()).startsWith("Please stay on this page");
				ann.screenshot("caller-being-transferred-after-reload");
				alice.awaitCallers(0);
				alice.awaitStageCaption("Ann was transferred to Bob");
				alice.awaitNotPublishing();
				assertThat(alice.showsCallerVideo()).isFalse();
				assertThat(ServerState.call(ann.callId()).get("agentId").asString()).isEqualTo("bob");

				bob.accept("Ann");
				bob.awaitCallerVideo();
				ann.awaitOnCallWithAgentVideo();
				await().atMost(CallerPage.PATIENCE).until(() -> ann.agentVideos() == 1);
				assertThat(alice.callerNames()).isEmpty();
				assertThat(alice.showsCallerVideo()).isFalse();
				assertThat(alice.showsWrapUpPanel()).as("no notes for a call that goes on elsewhere").isFalse();

				bob.end("Ann");
				ann.awaitEnded();
				bob.signOut();
			}
			alice.signOut();
		}
	}

	@Test
	void aCallerTransferredBackToTheQueueWithNobodyElseFreeWaitsAtItsPlace() {
		// carol wraps up after a call she talked on, so the caller does not come straight
		// back to her
		try (AgentConsole carol = new AgentConsole(this.gateway).signIn(RunningSuite.WRAP_UP_AGENT, "demo");
				CallerPage ann = new CallerPage(this.gateway)) {
			carol.awaitState("Available");
			ann.dial("Ann", "needs another department", false);
			carol.awaitCaller("Ann");
			carol.accept("Ann");
			ann.awaitOnCallWithAgentVideo();

			carol.transferToQueue("Ann");

			ann.awaitWaitingTitle("You are back in line, keeping your place");
			assertThat(ann.queuePosition()).isEqualTo("1");
			ann.screenshot("caller-back-in-line");
			assertThat(ServerState.call(ann.callId()).get("state").asString()).isEqualTo("WAITING");
			carol.awaitCallers(0);
			carol.awaitStageCaption("Ann was transferred back to the queue");
			carol.awaitNotPublishing();
			carol.awaitState("Wrap-up");

			ann.leave();
			ann.awaitEnded();
			carol.awaitState("Available");
			carol.signOut();
		}
	}

	@Test
	void aColleagueWhoIsAwayCannotBeChosenAndNothingChanges() {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage ann = new CallerPage(this.gateway)) {
			alice.awaitState("Available");
			ann.dial("Ann", "stays with Alice", false);
			alice.awaitCaller("Ann");
			alice.accept("Ann");
			ann.awaitOnCallWithAgentVideo();
			try (AgentConsole bob = new AgentConsole(this.gateway).signIn("bob", "demo")) {
				bob.awaitState("Available");
				bob.goAway("lunch");

				alice.openTransfer("Ann");
				alice.awaitCanTransferTo("Bob", false);
				assertThat(alice.colleagues()).contains("Bob Away · Lunch · cannot take a call now");
				alice.screenshot("agent-transfer-dialog-away");
				assertThat(alice.transferAsIfTheListWereStale("Bob"))
					.isEqualTo("Bob cannot take Ann now: only an available agent with room for another caller can. "
							+ "Nothing changed.");
				alice.screenshot("agent-transfer-refused");
				alice.pressEscape();
				await().atMost(CallerPage.PATIENCE).until(() -> !alice.showsTransferDialog());

				assertThat(ServerState.call(ann.callId()).get("agentId").asString()).isEqualTo("alice");
				assertThat(ServerState.call(ann.callId()).get("state").asString()).isEqualTo("ON_CALL");
				assertThat(alice.callerNames()).containsExactly("Ann");
				assertThat(bob.callerNames()).isEmpty();
				assertThat(ann.waitingTitle()).isEmpty();

				bob.goAvailable();
				bob.signOut();
			}
			alice.end("Ann");
			ann.awaitEnded();
			alice.signOut();
		}
	}

}
