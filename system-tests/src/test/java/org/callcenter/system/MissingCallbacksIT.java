package org.callcenter.system;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real OpenTok account whose session-monitoring callbacks are not set up, or signed
 * with another secret: calls still go through from start to end (callers' pages confirm
 * their connections, open pages are reported by the gateway), and the suite says what is
 * wrong until callbacks arrive.
 */
class MissingCallbacksIT {

	private static final Duration WINDOW_AND_SWEEP = Duration.ofSeconds(60);

	private final String gateway = RunningSuite.get().gatewayUrl();

	@BeforeEach
	void emptyCallCenter() {
		QuietQueue.await();
	}

	@AfterEach
	void callbacksBackOn() {
		EmulatedProject.callbacks("NORMAL");
	}

	@Test
	void withCallbacksOffCallsGoThroughEndToEndAndHealthSaysSoUntilCallbacksAreBack() {
		EmulatedProject.callbacks("OFF");
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage mia = new CallerPage(this.gateway);
				CallerPage ann = new CallerPage(this.gateway)) {
			mia.dial("Mia", "no webhooks here", false);
			String mias = mia.callId();
			alice.awaitCaller("Mia");
			alice.accept("Mia");
			mia.awaitOnCallWithAgentVideo();
			alice.awaitCallerVideo();
			alice.hold("Mia");
			mia.awaitOnHold();
			alice.resume("Mia");
			mia.awaitOnCallWithAgentVideo();
			alice.end("Mia");
			assertThat(mia.awaitEnded()).contains("ended the call");

			await().atMost(WINDOW_AND_SWEEP).until(() -> EmulatedProject.health("queue-service").contains("DEGRADED"));
			assertThat(EmulatedProject.health("queue-service")).contains("callbacks are not arriving")
				.contains("callback URL");
			await().atMost(WINDOW_AND_SWEEP).until(() -> alice.monitoringBanner().contains("not arriving"));
			alice.screenshot("agent-callbacks-missing");
			// the supervisor's dashboard says so too
			try (SupervisorDashboard carol = new SupervisorDashboard(this.gateway).open("carol", "demo")) {
				assertThat(carol.monitoringBanner()).contains("not arriving").contains("callback URL");
				carol.screenshot("dashboard-callbacks-missing");
			}
			assertThat(ServerState.call(mias).get("state").asString()).isEqualTo("ENDED");

			// a caller who leaves by the button, and one who closes the tab, both leave
			// the queue
			ann.dial("Ann", "leaving soon", false);
			alice.awaitCaller("Ann");
			ann.leave();
			alice.awaitCallers(0);
			try (CallerPage cid = new CallerPage(this.gateway)) {
				cid.dial("Cid", "closing the tab", false);
				String cids = cid.callId();
				alice.awaitCaller("Cid");
				cid.closeTab();
				await().atMost(CallerPage.PATIENCE)
					.until(() -> "ENDED".equals(ServerState.call(cids).get("state").asString()));
				assertThat(ServerState.call(cids).get("endReason").asString()).isEqualTo("callerDisconnected");
				alice.awaitCallers(0);
			}

			EmulatedProject.callbacks("NORMAL");
			try (CallerPage bob = new CallerPage(this.gateway)) {
				bob.dial("Bob", "callbacks are back", false);
				alice.awaitCaller("Bob");
				await().atMost(WINDOW_AND_SWEEP)
					.until(() -> !EmulatedProject.health("queue-service").contains("DEGRADED"));
				await().atMost(WINDOW_AND_SWEEP).until(() -> alice.monitoringBanner().isEmpty());
				alice.end("Bob");
				bob.awaitEnded();
			}
			alice.signOut();
		}
	}

	@Test
	void withCallbacksSignedByAnotherSecretCallsGoThroughAndHealthNamesTheSignatureMismatch() {
		EmulatedProject.callbacks("WRONG_SECRET");
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage mia = new CallerPage(this.gateway)) {
			mia.dial("Mia", "signed elsewhere", false);
			alice.awaitCaller("Mia");
			alice.accept("Mia");
			mia.awaitOnCallWithAgentVideo();
			alice.awaitCallerVideo();

			await().atMost(WINDOW_AND_SWEEP)
				.until(() -> EmulatedProject.health("callback-service").contains("signature does not match"));
			await().atMost(WINDOW_AND_SWEEP).until(() -> EmulatedProject.health("queue-service").contains("DEGRADED"));
			alice.end("Mia");
			mia.awaitEnded();
			alice.signOut();
		}
	}

}
