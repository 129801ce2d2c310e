package org.callcenter.system;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caller's page beside its place in line shows an expected wait, and while its call
 * is given to an agent who has not taken it yet, how many of that agent's callers come
 * first; both follow what happens without the page polling.
 */
class CallerExpectedWaitIT {

	private final String gateway = RunningSuite.get().gatewayUrl();

	@BeforeEach
	void emptyCallCenter() {
		QuietQueue.await();
	}

	@Test
	void theExpectedWaitShrinksAsCallersAheadLeaveTheLineAndAreServedByTheAgent() {
		// recent calls took 2 minutes each
		DirectQueue.recentCallsTook(Duration.ofMinutes(2));
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage mia = new CallerPage(this.gateway).countingReads()) {
			alice.goAway("break");
			String ann = DirectQueue.dial("Ann");
			String bob = DirectQueue.dial("Bob");
			DirectQueue.dial("Cat");

			mia.dial("Mia", "behind three", false);
			// alice is away: the line waits for one agent, 4 handle times of 2 minutes
			mia.awaitWaiting("4", "", "about 8 minutes");
			mia.screenshot("caller-expected-wait");

			DirectQueue.leave(ann);
			mia.awaitWaiting("3", "", "about 6 minutes");

			// alice is back and gets the whole line: Bob and Cat come before Mia
			alice.goAvailable();
			mia.awaitWaiting(null, "2 callers ahead of you with your agent", "about 4 minutes");
			assertThat(mia.waitingTitle()).isEqualTo("An agent will be with you shortly");
			mia.screenshot("caller-ahead-with-agent");

			// alice serves Bob: once he is done, one caller is ahead (and Bob's short
			// call
			// brought the average down: 2 min + (a few s - 2 min) / 5, about 1.6 minutes)
			DirectQueue.connect(bob);
			alice.awaitCaller("Bob");
			alice.accept("Bob");
			mia.awaitWaiting(null, "2 callers ahead of you with your agent", "about 4 minutes");
			alice.end("Bob");
			mia.awaitWaiting(null, "1 caller ahead of you with your agent", "about 2 minutes");
			// Mia's own call did not change: the gateway told her page that her agent's
			// line
			// did (a notice without content), and the page read its call once
			assertThat(mia.notices("line")).isPositive();
			alice.signOut();
		}
	}

	@Test
	void theEstimateIsRoundedForPeopleAndNeedsAnAgentOnline() {
		try (CallerPage page = new CallerPage(this.gateway).open()) {
			Object words = page.runScript("""
					var w = CallCenter.ExpectedWait;
					return [w.inWords(59), w.inWords(60), w.inWords(89), w.inWords(90), w.inWords(1770),
					        w.inWords(3600), w.inWords(5300), w.inWords(5500)].join(' | ');
					""");
			assertThat(words).isEqualTo("less than a minute | about 1 minute | about 1 minute | about 2 minutes"
					+ " | about 30 minutes | about an hour | about an hour | about 2 hours");
			Object seconds = page.runScript("""
					var w = CallCenter.ExpectedWait;
					return [
					  w.seconds({ place: 3, agentsOnline: 2, agentsServing: 2, averageHandleSeconds: 100 }),
					  w.seconds({ place: 3, agentsOnline: 1, agentsServing: 0, averageHandleSeconds: 100 }),
					  w.seconds({ place: 3, agentsOnline: 0, agentsServing: 0, averageHandleSeconds: 100 }),
					  w.seconds({ aheadWithAgent: 2, agentsOnline: 1, agentsServing: 1, averageHandleSeconds: 100 }),
					  w.seconds({ aheadWithAgent: 0, agentsOnline: 1, agentsServing: 1, averageHandleSeconds: 100 })
					].map(String).join(' ');
					""");
			// 2 agents share a line of 3: two rounds; nobody serving (all away): as one;
			// nobody online: none; with the agent: one handle time per caller ahead, none
			// when nobody is
			assertThat(seconds).isEqualTo("200 300 null 200 null");
		}
	}

}
