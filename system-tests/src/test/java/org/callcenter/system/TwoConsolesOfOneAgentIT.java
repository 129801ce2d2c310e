package org.callcenter.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One agent signed in twice (two browsers, as when a console is opened again in another
 * window): both consoles show the same callers and states, media lives in one console
 * only, and an action in either is reflected in the other.
 */
class TwoConsolesOfOneAgentIT {

	private final String gateway = RunningSuite.get().gatewayUrl();

	@BeforeEach
	void emptyCallCenter() {
		QuietQueue.await();
	}

	@Test
	void signingOutInOneConsoleShowsTheOtherOfflineUntilItGoesOnlineAgain() {
		try (AgentConsole x = new AgentConsole(this.gateway).signIn("alice", "demo");
				AgentConsole y = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage mia = new CallerPage(this.gateway)) {
			y.signOut();

			assertThat(x.offlineMessage()).contains("signed out in another window");
			assertThat(ServerState.agentOnline("alice")).isFalse();
			mia.dial("Mia", "billing", false);
			assertThat(mia.queuePosition()).isEqualTo("1");

			x.goOnline();
			x.awaitCaller("Mia");
			assertThat(ServerState.agentOnline("alice")).isTrue();
			assertThat(ServerState.call(mia.callId()).get("agentId").asString()).isEqualTo("alice");
			x.screenshot("two-consoles-back-online");
			x.signOut();
		}
	}

	@Test
	void holdResumeAndEndInOneConsoleAreReflectedInTheOtherAndOnlyOneSendsMedia() {
		try (AgentConsole x = new AgentConsole(this.gateway).signIn("alice", "demo");
				AgentConsole y = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage mia = new CallerPage(this.gateway)) {
			mia.dial("Mia", "order", false);
			String callId = mia.callId();
			x.awaitCaller("Mia");
			y.awaitCaller("Mia");

			x.accept("Mia");
			mia.awaitOnCallWithAgentVideo();
			x.awaitCallerVideo();
			y.awaitBadge("Mia", "On call");
			y.awaitStageCaption("another console");
			assertThat(y.publishing()).isFalse();
			y.screenshot("two-consoles-other-console-during-call");

			y.hold("Mia");
			awaitNeverBothPublishing(x, y, mia, () -> !x.publishing() && x.badge("Mia").equals("On hold"));
			mia.awaitOnHold();
			assertThat(ServerState.call(mia.callId()).get("state").asString()).isEqualTo("ON_HOLD");

			y.resume("Mia");
			awaitNeverBothPublishing(x, y, mia, () -> y.publishing() && mia.agentVideos() == 1);
			mia.awaitOnCallWithAgentVideo();
			x.awaitBadge("Mia", "On call");
			assertThat(x.publishing()).isFalse();

			y.end("Mia");
			assertThat(mia.awaitEnded()).contains("ended the call");
			x.awaitCallers(0);
			y.awaitNotPublishing();
			assertThat(x.stageCaption()).doesNotContain("Talking with");
			assertThat(ServerState.call(callId).get("state").asString()).isEqualTo("ENDED");
			x.signOut();
		}
	}

	@Test
	void takingTheCallInTheOtherConsoleMovesTheMediaWithoutOverlap() {
		try (AgentConsole x = new AgentConsole(this.gateway).signIn("alice", "demo");
				AgentConsole y = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage mia = new CallerPage(this.gateway)) {
			mia.dial("Mia", "returns", false);
			x.awaitCaller("Mia");
			x.accept("Mia");
			mia.awaitOnCallWithAgentVideo();
			y.awaitStageCaption("another console");

			y.takeCallHere();
			awaitNeverBothPublishing(x, y, mia, () -> y.publishing() && !x.publishing() && mia.agentVideos() == 1);
			x.awaitStageCaption("continues in another of your consoles");
			mia.awaitOnCallWithAgentVideo();
			y.awaitCallerVideo();
			assertThat(ServerState.call(mia.callId()).get("state").asString()).isEqualTo("ON_CALL");
			x.screenshot("two-consoles-taken-elsewhere");
			y.end("Mia");
			mia.awaitEnded();
			y.signOut();
		}
	}

	/**
	 * Waits for a change to settle while checking, at every look, that the two consoles
	 * never both send media into the call and the caller never sees two agents.
	 */
	private static void awaitNeverBothPublishing(AgentConsole x, AgentConsole y, CallerPage caller,
			BooleanSupplier settled) {
		List<String> overlaps = new ArrayList<>();
		await().atMost(CallerPage.PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
			if (x.publishing() && y.publishing()) {
				overlaps.add("both consoles publishing");
			}
			if (caller.agentVideos() > 1) {
				overlaps.add("caller sees " + caller.agentVideos() + " agent videos");
			}
			return settled.getAsBoolean();
		});
		assertThat(overlaps).isEmpty();
	}

}
