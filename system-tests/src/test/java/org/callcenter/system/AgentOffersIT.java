package org.callcenter.system;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Routing by offers as the agents and the caller see it: a caller offered to
 * {@value RunningSuite#OFFER_AGENT} rings in the console (tone, flashing title,
 * countdown, Accept and Decline) until it is answered; declined, it rings with
 * {@value RunningSuite#OTHER_OFFER_AGENT}; left to ring out
 * {@value RunningSuite#MISSES_BEFORE_AWAY} times in a row, the agent is made away and the
 * caller keeps its place. Every test leaves its agents available and signed out.
 */
class AgentOffersIT {

	private static final String DAVE = RunningSuite.OFFER_AGENT;

	private static final String ERIN = RunningSuite.OTHER_OFFER_AGENT;

	private final String gateway = RunningSuite.get().gatewayUrl();

	@BeforeEach
	void emptyCallCenter() {
		QuietQueue.await();
	}

	@Test
	void anOfferRingsWithACountdownAndOnceAcceptedBothSidesSeeEachOther() {
		try (AgentConsole dave = new AgentConsole(this.gateway).signIn(DAVE, "demo");
				CallerPage ann = new CallerPage(this.gateway)) {
			dave.awaitState("Available");
			ann.dial("Ann", "a parcel that never came", false);

			dave.awaitOffer("Ann");
			assertThat(dave.badge("Ann")).isEqualTo("Ringing");
			assertThat(dave.ringing()).isTrue();
			await().atMost(CallerPage.PATIENCE).until(() -> dave.rings() >= 2);
			await().atMost(CallerPage.PATIENCE).until(() -> dave.title().startsWith("Incoming caller · Ann"));
			assertThat(dave.offerCountdown("Ann")).isBetween(1L, RunningSuite.OFFER_TIMEOUT.toSeconds());
			assertThat(dave.offerCountdownText("Ann")).matches("Answer within \\d+ s");
			assertThat(ServerState.call(ann.callId()).get("state").asString()).isEqualTo("OFFERED");
			assertThat(ServerState.call(ann.callId()).get("agentId").asString()).isEqualTo(DAVE);
			dave.screenshot("agent-offer-ringing");

			answerInTime(dave, "Ann");
			dave.acceptOffer("Ann");

			ann.awaitOnCallWithAgentVideo();
			dave.awaitCallerVideo();
			dave.awaitBadge("Ann", "On call");
			assertThat(dave.ringing()).isFalse();
			assertThat(dave.title()).doesNotContain("Incoming caller");
			long rings = dave.rings();
			// the ring stops once the offer is answered: no tone for a few seconds
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> dave.rings() == rings);
			assertThat(ServerState.call(ann.callId()).get("state").asString()).isEqualTo("ON_CALL");

			dave.end("Ann");
			ann.awaitEnded();
			dave.signOut();
		}
	}

	@Test
	void anOfferDeclinedRingsWithTheNextAgentAndLeavesTheFirst() {
		try (AgentConsole dave = new AgentConsole(this.gateway).signIn(DAVE, "demo");
				AgentConsole erin = new AgentConsole(this.gateway).signIn(ERIN, "demo");
				CallerPage ann = new CallerPage(this.gateway)) {
			dave.awaitState("Available");
			erin.awaitState("Available");
			ann.dial("Ann", "wrong size", false);
			await().atMost(CallerPage.PATIENCE)
				.until(() -> "OFFERED".equals(ServerState.call(ann.callId()).path("state").asString()));
			// least connections: either may be offered Ann first
			boolean daveFirst = DAVE.equals(ServerState.call(ann.callId()).get("agentId").asString());
			AgentConsole first = daveFirst ? dave : erin;
			AgentConsole second = daveFirst ? erin : dave;
			first.awaitOffer("Ann");
			answerInTime(first, "Ann");

			first.declineOffer("Ann");

			second.awaitOffer("Ann");
			first.awaitNoCaller("Ann");
			assertThat(first.ringing()).isFalse();
			assertThat(first.awaitOfferNews("Ann")).isEqualTo("You declined Ann.");
			assertThat(second.ringing()).isTrue();
			assertThat(ServerState.call(ann.callId()).get("agentId").asString()).isEqualTo(daveFirst ? ERIN : DAVE);
			assertThat(ServerState.call(ann.callId()).get("state").asString()).isEqualTo("OFFERED");
			second.screenshot("agent-offer-after-decline");

			answerInTime(second, "Ann");
			second.acceptOffer("Ann");
			ann.awaitOnCallWithAgentVideo();
			second.awaitCallerVideo();
			assertThat(first.callerNames()).isEmpty();

			second.end("Ann");
			ann.awaitEnded();
			dave.signOut();
			erin.signOut();
		}
	}

	@Test
	void offersLeftToRingOutTwiceMakeTheAgentAwayAndTheCallerKeepsItsPlaceForTheNextAgent() {
		try (AgentConsole dave = new AgentConsole(this.gateway).signIn(DAVE, "demo");
				CallerPage ann = new CallerPage(this.gateway)) {
			dave.awaitState("Available");
			ann.dial("Ann", "nobody answers", false);
			dave.awaitOffer("Ann");

			dave.awaitState("Away · Missed offers");

			// being made away and the offer timing out come on different topics, in
			// either
			// order
			String missedTwice = "You missed 2 offers in a row, so you were set to Away. "
					+ "Set yourself Available when you are back.";
			await().atMost(CallerPage.PATIENCE).until(() -> dave.missedOffersMessage().equals(missedTwice));
			assertThat(dave.awaitOfferNews("timed out")).isEqualTo("The offer of Ann timed out.");
			dave.awaitNoCaller("Ann");
			assertThat(dave.ringing()).isFalse();
			assertThat(dave.title()).doesNotContain("Incoming caller");
			dave.screenshot("agent-missed-offers");
			assertThat(ServerState.agent(DAVE).path("state").asString()).isEqualTo("AWAY");
			assertThat(ServerState.agent(DAVE).path("awayReason").asString()).isEqualTo("missed-offers");
			assertThat(ServerState.call(ann.callId()).get("state").asString()).isEqualTo("WAITING");
			assertThat(ann.queuePosition()).isEqualTo("1");
			assertThat(ann.waitingMessage()).contains("You are in the queue", "You keep your place in line");
			ann.screenshot("caller-after-missed-offers");

			try (AgentConsole erin = new AgentConsole(this.gateway).signIn(ERIN, "demo")) {
				erin.awaitOffer("Ann");
				await().atMost(CallerPage.PATIENCE)
					.until(() -> ann.waitingMessage().contains("An agent will be with you shortly"));
				answerInTime(erin, "Ann");
				erin.acceptOffer("Ann");
				ann.awaitOnCallWithAgentVideo();
				assertThat(dave.callerNames()).isEmpty();

				dave.goAvailable();
				assertThat(dave.showsMissedOffersMessage()).isFalse();
				erin.end("Ann");
				ann.awaitEnded();
				erin.signOut();
			}
			dave.signOut();
		}
	}

	@Test
	void theCallerPageSaysAnAgentIsAboutToAnswerWhileTheOfferRingsAndTheCallerIsOfferedAgainAfterADecline() {
		try (AgentConsole dave = new AgentConsole(this.gateway).signIn(DAVE, "demo");
				CallerPage ann = new CallerPage(this.gateway)) {
			dave.awaitState("Available");
			ann.dial("Ann", "a question", false);
			dave.awaitOffer("Ann");

			await().atMost(CallerPage.PATIENCE)
				.until(() -> ann.waitingMessage().contains("An agent will be with you shortly"));
			assertThat(ann.waitingMessage()).doesNotContain("Your place in line", "You keep your place");
			assertThat(ServerState.call(ann.callId()).get("state").asString()).isEqualTo("OFFERED");
			ann.screenshot("caller-while-offered");

			// the only agent declines: Ann keeps her place and rings with Dave again at
			// the
			// next sweep
			answerInTime(dave, "Ann");
			dave.declineOffer("Ann");
			assertThat(dave.awaitOfferNews("declined")).isEqualTo("You declined Ann.");
			dave.awaitOffer("Ann");
			assertThat(ServerState.call(ann.callId()).get("agentId").asString()).isEqualTo(DAVE);

			answerInTime(dave, "Ann");
			dave.acceptOffer("Ann");
			ann.awaitOnCallWithAgentVideo();
			dave.end("Ann");
			ann.awaitEnded();
			dave.signOut();
		}
	}

	/**
	 * Waits, if need be, until the offer has a few seconds left: one offered before its
	 * caller connected may run out and ring again (a person answers a ringing offer, not
	 * one about to end).
	 */
	private static void answerInTime(AgentConsole console, String name) {
		await().atMost(CallerPage.PATIENCE)
			.until(() -> console.callerNames().contains(name) && console.ringing(name)
					&& console.offerCountdown(name) >= 3);
	}

}
