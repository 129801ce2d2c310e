package org.callcenter.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.agents.AgentState;
import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.queue.QueueClient.Reply;
import org.callcenter.testsupport.RealKafka;
import org.callcenter.testsupport.TopicRecorder;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Routing by offers on real Redis: a caller rings its agent, who accepts or declines it
 * before the offer times out; declined or timed out it goes to the next agent, keeping
 * its place; two offers missed in a row make the agent away. Olga and Otto get offers,
 * Ann is assigned callers as before; at most one caller each, so that callers wait.
 */
@TestPropertySource(
		properties = { "queue.namespace=offers", "queue.max-callers-per-agent=1", "queue.offers.agents=of-olga,of-otto",
				"queue.offers.timeout=1s", "queue.offers.misses-before-away=2", "queue.sweep-interval=100ms" })
class OffersIT extends QueueServiceTestBase {

	private static final String OLGA = "of-olga";

	private static final String OTTO = "of-otto";

	private static final String ANN = "of-ann";

	private static final Duration A_FEW_OFFERS = Duration.ofSeconds(10);

	@Test
	void aCallerOfferedToAnAgentIsTakenWhenItAccepts() {
		this.api.goOnline(OLGA);
		Reply dialed = this.api.dial("c1");

		assertThat(dialed.state()).isEqualTo("OFFERED");
		assertThat(dialed.agentId()).isEqualTo(OLGA);
		assertThat(Instant.parse(dialed.call().get("offerUntil").asString())).isAfter(Instant.now());
		connectCaller(dialed);
		Reply accepted = this.api.accept(OLGA, dialed.callId());

		assertThat(accepted.state()).isEqualTo("ON_CALL");
		assertThat(accepted.call().path("offerUntil").isNull()).isTrue();
		assertThat(this.redis.opsForZSet().zCard(new org.callcenter.queue.store.QueueKeys(this.properties).offers()))
			.isZero();
	}

	@Test
	void anAgentWithoutOffersIsAssignedCallersAsBefore() {
		this.api.goOnline(ANN);

		assertThat(this.api.dial("c1").state()).isEqualTo("ASSIGNED");
		assertThat(this.api.workflow(ANN).body().get("offerSeconds").asInt()).isZero();
		assertThat(this.api.workflow(OLGA).body().get("offerSeconds").asInt()).isEqualTo(1);
		assertThat(this.api.workflow(OLGA).body().get("missesBeforeAway").asInt()).isEqualTo(2);
	}

	@Test
	void aDeclinedCallerIsOfferedToTheNextAgent() {
		this.api.goOnline(OLGA);
		this.api.goOnline(OTTO);
		Reply dialed = this.api.dial("c1");
		String first = dialed.agentId();
		String second = first.equals(OLGA) ? OTTO : OLGA;

		Reply declined = this.api.decline(first, dialed.callId());

		assertThat(declined.state()).isEqualTo("OFFERED");
		assertThat(declined.agentId()).isEqualTo(second);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(CALL_EVENTS.values((e) -> e.callId().equals(dialed.callId())))
				.extracting(CallEvent::type, CallEvent::agentId, CallEvent::previousAgentId, CallEvent::reason)
				.containsSubsequence(tuple(CallEventType.OFFERED, first, null, null),
						tuple(CallEventType.OFFERED, second, first, CallEventReason.OFFER_DECLINED)));
	}

	@Test
	void declinedByTheOnlyAgentTheCallerKeepsItsPlaceAndIsOfferedAgainBeforeLaterCallers() {
		this.api.goOnline(OLGA);
		Reply first = this.api.dial("c1");
		Reply second = this.api.dial("c2");
		assertThat(second.position()).isEqualTo(1);

		Reply declined = this.api.decline(OLGA, first.callId());

		assertThat(declined.state()).isEqualTo("WAITING");
		assertThat(declined.position()).as("ahead of the later caller").isEqualTo(1);
		// the next sweep offers the head of the line to the agent with room again
		await().atMost(A_FEW_OFFERS).until(() -> "OFFERED".equals(this.api.status(first.callId()).state()));
		assertThat(this.api.status(first.callId()).agentId()).isEqualTo(OLGA);
		assertThat(this.api.status(second.callId()).position()).isEqualTo(1);
	}

	@Test
	void anOfferNotAnsweredInTimeGoesToTheNextAgent() {
		this.api.goOnline(OLGA);
		this.api.goOnline(OTTO);
		Reply dialed = this.api.dial("c1");
		connectCaller(dialed);
		String first = dialed.agentId();
		String second = first.equals(OLGA) ? OTTO : OLGA;

		await().atMost(A_FEW_OFFERS).until(() -> second.equals(this.api.status(dialed.callId()).agentId()));

		assertThat(this.api.status(dialed.callId()).state()).isEqualTo("OFFERED");
		assertThat(CALL_EVENTS.values((e) -> e.callId().equals(dialed.callId())))
			.extracting(CallEvent::type, CallEvent::agentId, CallEvent::reason)
			.contains(tuple(CallEventType.OFFERED, second, CallEventReason.OFFER_TIMED_OUT));
	}

	@Test
	void anAgentThatMissesTwoOffersInARowIsMadeAwayAndTheCallerWaitsAtItsPlace() {
		try (TopicRecorder<AgentEvent> agentEvents = new TopicRecorder<>(RealKafka.shared().bootstrapServers(),
				Topics.AGENT_EVENTS, AgentEvent.class)) {
			Instant start = Instant.now();
			this.api.goOnline(OLGA);
			Reply dialed = this.api.dial("c1");
			connectCaller(dialed);

			await().atMost(A_FEW_OFFERS).until(() -> "AWAY".equals(this.api.goOnline(OLGA).text("state")));

			assertThat(this.api.goOnline(OLGA).text("awayReason")).isEqualTo("missed-offers");
			Reply waiting = this.api.status(dialed.callId());
			assertThat(waiting.state()).isEqualTo("WAITING");
			assertThat(waiting.position()).isEqualTo(1);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(
						agentEvents.values((e) -> e.agentId().equals(OLGA) && !e.occurredAt().isBefore(start)))
					.extracting(AgentEvent::state, AgentEvent::awayReason)
					.contains(tuple(AgentState.AWAY, "missed-offers")));
			// back, Olga is offered the caller again at once
			this.api.becomeAvailable(OLGA);
			assertThat(this.api.status(dialed.callId()).state()).isEqualTo("OFFERED");
		}
	}

	@Test
	void anOfferWhoseCallerHasNotConnectedIsNotHeldAgainstTheAgent() {
		this.api.goOnline(OLGA);
		Reply dialed = this.api.dial("c1"); // never connects here

		// several offers time out meanwhile
		await().atMost(A_FEW_OFFERS)
			.until(() -> CALL_EVENTS
				.values((e) -> e.callId().equals(dialed.callId()) && e.reason() == CallEventReason.OFFER_TIMED_OUT)
				.size() >= 3);

		assertThat(this.api.goOnline(OLGA).text("state")).isEqualTo("AVAILABLE");
	}

	@Test
	void goingAwayGivesBackWhatTheAgentWasOfferedAndKeepsItsCall() {
		this.api.goOnline(OLGA);
		Reply talking = this.api.dial("c1");
		connectCaller(talking);
		this.api.accept(OLGA, talking.callId());
		this.api.end(OLGA, talking.callId());
		Reply offered = this.api.dial("c2");
		assertThat(offered.state()).isEqualTo("OFFERED");
		this.api.goOnline(OTTO);

		this.api.goAway(OLGA, "break", false);

		Reply moved = this.api.status(offered.callId());
		assertThat(moved.agentId()).isEqualTo(OTTO);
		assertThat(moved.state()).isEqualTo("OFFERED");
	}

	@Test
	void onlyACallOfferedToTheAgentCanBeDeclined() {
		this.api.goOnline(OLGA);
		this.api.goOnline(ANN);
		Reply toOlga = this.api.dial("c1");
		Reply toAnn = this.api.dial("c2");
		List<String> agents = List.of(toOlga.agentId(), toAnn.agentId());
		assertThat(agents).containsExactlyInAnyOrder(OLGA, ANN);
		Reply offered = toOlga.agentId().equals(OLGA) ? toOlga : toAnn;
		Reply assigned = toOlga.agentId().equals(OLGA) ? toAnn : toOlga;

		Reply notOffered = this.api.decline(ANN, assigned.callId());
		Reply notTheirs = this.api.decline(ANN, offered.callId());

		assertThat(notOffered.status()).isEqualTo(409);
		assertThat(notOffered.problemType()).isEqualTo("urn:callcenter:problem:call-not-offered");
		assertThat(notTheirs.status()).isEqualTo(403);
		assertThat(this.api.status(offered.callId()).agentId()).isEqualTo(OLGA);
	}

}
