package org.callcenter.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.agents.AgentEvent.AgentEventType;
import org.callcenter.contracts.agents.AgentState;
import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.queue.QueueClient.Reply;
import org.callcenter.queue.store.QueueKeys;
import org.callcenter.testsupport.RealKafka;
import org.callcenter.testsupport.TopicRecorder;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Agent states on real Redis: only AVAILABLE agents get new callers; AWAY keeps its
 * callers unless it hands them back; after a call an agent with a wrap-up time takes no
 * new callers until the time is over or it says it is ready; outcomes and notes go out on
 * the call's events. Agents here are named for this class: agent events on Kafka are not
 * namespaced.
 */
@TestPropertySource(properties = { "queue.namespace=agent-states", "queue.agent-workflow.wrap-up=0s",
		"queue.agent-workflow.wrap-up-by-agent.ws-wendy=2s" })
class AgentStatesIT extends QueueServiceTestBase {

	private static final String WENDY = "ws-wendy"; // has a wrap-up time

	private static final String ANN = "ws-ann";

	private static final String BEN = "ws-ben";

	@Test
	void anAwayAgentGetsNoNewCallersWhileAnAvailableOneDoes() {
		this.api.goOnline(ANN);
		this.api.goOnline(BEN);

		Reply away = this.api.goAway(ANN, "lunch", false);
		Reply first = this.api.dial("c1");
		Reply second = this.api.dial("c2");

		assertThat(away.status()).isEqualTo(200);
		assertThat(away.text("state")).isEqualTo("AWAY");
		assertThat(away.text("awayReason")).isEqualTo("lunch");
		assertThat(List.of(first.agentId(), second.agentId())).containsOnly(BEN);
	}

	@Test
	void callersWaitWhileEveryAgentIsAwayAndGoToTheFirstAgentBack() {
		this.api.goOnline(ANN);
		this.api.goAway(ANN, "break", false);
		Reply waiting = this.api.dial("c1");
		assertThat(waiting.state()).isEqualTo("WAITING");

		Reply back = this.api.becomeAvailable(ANN);

		assertThat(back.text("state")).isEqualTo("AVAILABLE");
		assertThat(back.text("awayReason")).isNull();
		assertThat(this.api.status(waiting.callId()).agentId()).isEqualTo(ANN);
	}

	@Test
	void goingAwayKeepsTheAgentsCallersUnlessItHandsBackThoseNotAcceptedYet() {
		this.api.goOnline(ANN);
		Reply talking = this.api.dial("c1");
		Reply assigned = this.api.dial("c2");
		connectCaller(talking);
		this.api.accept(ANN, talking.callId());

		this.api.goAway(ANN, "meeting", false);
		assertThat(this.api.status(assigned.callId()).agentId()).isEqualTo(ANN);

		this.api.goOnline(BEN);
		this.api.goAway(ANN, "meeting", true);

		assertThat(this.api.status(assigned.callId()).agentId()).isEqualTo(BEN);
		assertThat(this.api.status(talking.callId()).agentId()).isEqualTo(ANN);
		assertThat(this.api.status(talking.callId()).state()).isEqualTo("ON_CALL");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(CALL_EVENTS.values((e) -> e.callId().equals(assigned.callId())))
				.extracting(CallEvent::type, CallEvent::agentId, CallEvent::previousAgentId, CallEvent::reason)
				.contains(tuple(CallEventType.ASSIGNED, BEN, ANN, CallEventReason.AGENT_AWAY)));
	}

	@Test
	void afterACallAnAgentWithAWrapUpTimeTakesNoNewCallerUntilTheTimeIsOver() {
		this.api.goOnline(WENDY);
		Reply first = this.api.dial("c1");
		connectCaller(first);
		this.api.accept(WENDY, first.callId());

		this.api.end(WENDY, first.callId());
		Reply next = this.api.dial("c2");

		Reply wendy = this.api.goOnline(WENDY); // a console reload: the state stays
		assertThat(wendy.text("state")).isEqualTo("WRAP_UP");
		Instant until = Instant.parse(wendy.text("wrapUpUntil"));
		assertThat(until).isBetween(Instant.now().minusSeconds(1), Instant.now().plusSeconds(3));
		assertThat(this.api.status(next.callId()).state()).isEqualTo("WAITING");
		await().atMost(Duration.ofSeconds(10)).until(() -> WENDY.equals(this.api.status(next.callId()).agentId()));
		assertThat(Instant.now()).isAfterOrEqualTo(until);
		assertThat(this.api.goOnline(WENDY).text("state")).isEqualTo("AVAILABLE");
	}

	@Test
	void readyEndsAWrapUpAtOnce() {
		this.api.goOnline(WENDY);
		Reply first = this.api.dial("c1");
		connectCaller(first);
		this.api.accept(WENDY, first.callId());
		this.api.leave(first.callId()); // the caller hanging up ends the talk too
		Reply next = this.api.dial("c2");
		assertThat(this.api.status(next.callId()).state()).isEqualTo("WAITING");

		Reply ready = this.api.becomeAvailable(WENDY);

		assertThat(ready.text("state")).isEqualTo("AVAILABLE");
		assertThat(ready.text("wrapUpUntil")).isNull();
		assertThat(this.api.status(next.callId()).agentId()).isEqualTo(WENDY);
	}

	@Test
	void anAgentWithoutAWrapUpTimeIsAvailableRightAfterItsCall() {
		this.api.goOnline(ANN);
		Reply first = this.api.dial("c1");
		connectCaller(first);
		this.api.accept(ANN, first.callId());

		this.api.end(ANN, first.callId());

		assertThat(this.api.goOnline(ANN).text("state")).isEqualTo("AVAILABLE");
		assertThat(this.api.dial("c2").agentId()).isEqualTo(ANN);
	}

	@Test
	void aCallNeverTalkedOnStartsNoWrapUp() {
		this.api.goOnline(WENDY);
		Reply assigned = this.api.dial("c1");

		this.api.leave(assigned.callId());

		assertThat(this.api.goOnline(WENDY).text("state")).isEqualTo("AVAILABLE");
	}

	@Test
	void anAwayAgentStaysAwayWhenItsCallEnds() {
		this.api.goOnline(WENDY);
		Reply first = this.api.dial("c1");
		connectCaller(first);
		this.api.accept(WENDY, first.callId());
		this.api.goAway(WENDY, "training", false);

		this.api.end(WENDY, first.callId());

		Reply wendy = this.api.goOnline(WENDY);
		assertThat(wendy.text("state")).isEqualTo("AWAY");
		assertThat(wendy.text("awayReason")).isEqualTo("training");
	}

	@Test
	void signingOutEndsAWrapUpAndTheNextSignInIsAvailable() {
		this.api.goOnline(WENDY);
		Reply first = this.api.dial("c1");
		connectCaller(first);
		this.api.accept(WENDY, first.callId());
		this.api.end(WENDY, first.callId());

		assertThat(this.api.goOffline(WENDY).text("state")).isEqualTo("OFFLINE");
		Reply again = this.api.goOnline(WENDY);

		assertThat(again.text("state")).isEqualTo("AVAILABLE");
		assertThat(this.redis.opsForZSet().zCard(new QueueKeys(this.properties).wrapUps())).isZero();
	}

	@Test
	void outcomeAndNotesGoOutOnTheEndedAndWrappedEvents() {
		this.api.goOnline(ANN);
		Reply call = this.api.dial("c1");
		connectCaller(call);
		this.api.accept(ANN, call.callId());

		Reply ended = this.api.end(ANN, call.callId(), Map.of("outcome", "follow-up", "notes", "call back Monday"));
		Reply wrapped = this.api.wrapUp(ANN, call.callId(), Map.of("outcome", "resolved", "notes", "order 4711 fixed"));

		assertThat(ended.status()).isEqualTo(200);
		assertThat(wrapped.status()).isEqualTo(200);
		assertThat(wrapped.state()).isEqualTo("ENDED");
		assertThat(wrapped.call().has("notes")).as("the call as its caller may read it has no notes").isFalse();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(CALL_EVENTS.values((e) -> e.callId().equals(call.callId())))
				.extracting(CallEvent::type, CallEvent::outcome, CallEvent::notes)
				.endsWith(tuple(CallEventType.ENDED, "follow-up", "call back Monday"),
						tuple(CallEventType.WRAPPED, "resolved", "order 4711 fixed")));
	}

	@Test
	void notesAreRefusedOnALiveCallOnSomeoneElsesCallAndWithAnUnknownOutcome() {
		this.api.goOnline(ANN);
		this.api.goOnline(BEN);
		Reply call = this.api.dial("c1");
		String owner = call.agentId();
		String other = owner.equals(ANN) ? BEN : ANN;

		Reply live = this.api.wrapUp(owner, call.callId(), Map.of("notes", "too early"));
		Reply unknown = this.api.end(owner, call.callId(), Map.of("outcome", "sold-a-car"));
		Reply tooLong = this.api.end(owner, call.callId(), Map.of("notes", "x".repeat(2001)));
		assertThat(this.api.status(call.callId()).state()).as("nothing changed").isEqualTo("ASSIGNED");
		this.api.end(owner, call.callId());
		Reply notTheirs = this.api.wrapUp(other, call.callId(), Map.of("notes", "mine?"));

		assertThat(live.status()).isEqualTo(409);
		assertThat(live.problemType()).isEqualTo("urn:callcenter:problem:call-not-ended");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.problemType()).isEqualTo("urn:callcenter:problem:unknown-outcome");
		assertThat(unknown.body().get("allowed").toString()).contains("resolved");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(notTheirs.status()).isEqualTo(403);
	}

	@Test
	void anUnknownAwayReasonOrAnOfflineAgentChangesNothing() {
		this.api.goOnline(ANN);

		Reply unknown = this.api.goAway(ANN, "nap", false);
		Reply noState = this.api.asAgent(ANN, org.springframework.http.HttpMethod.PUT, "/api/agents/" + ANN + "/state",
				Map.of("state", "WRAP_UP"));
		this.api.goOffline(ANN);
		Reply offline = this.api.goAway(ANN, "lunch", false);

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.problemType()).isEqualTo("urn:callcenter:problem:unknown-away-reason");
		assertThat(noState.status()).isEqualTo(400);
		assertThat(offline.status()).isEqualTo(409);
		assertThat(offline.problemType()).isEqualTo("urn:callcenter:problem:agent-offline");
		assertThat(this.api.goOnline(ANN).text("state")).isEqualTo("AVAILABLE");
	}

	@Test
	void theConsoleLearnsTheReasonsOutcomesAndItsWrapUpTime() {
		Reply wendy = this.api.workflow(WENDY);
		Reply ann = this.api.workflow(ANN);

		assertThat(wendy.body().get("wrapUpSeconds").asInt()).isEqualTo(2);
		assertThat(ann.body().get("wrapUpSeconds").asInt()).isZero();
		assertThat(ann.body().get("awayReasons").toString()).contains("lunch", "break");
		assertThat(ann.body().get("outcomes").toString()).contains("resolved");
	}

	@Test
	void everyStateChangeIsAnAgentEventNumberedWithoutGaps() {
		String agent = "ws-events-" + System.nanoTime(); // a rerun's events are not this
															// one's
		try (TopicRecorder<AgentEvent> events = new TopicRecorder<>(RealKafka.shared().bootstrapServers(),
				Topics.AGENT_EVENTS, AgentEvent.class)) {
			this.api.goOnline(agent);
			this.api.goAway(agent, "lunch", false);
			this.api.goAway(agent, "lunch", false); // the same again: no event
			this.api.goAway(agent, "break", false);
			this.api.becomeAvailable(agent);
			this.api.goOffline(agent);

			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(
						() -> assertThat(events.values((e) -> e.agentId().equals(agent)).stream().distinct().toList())
							.extracting(AgentEvent::type, AgentEvent::state, AgentEvent::awayReason)
							.containsExactly(tuple(AgentEventType.ONLINE, AgentState.AVAILABLE, null),
									tuple(AgentEventType.STATE_CHANGED, AgentState.AWAY, "lunch"),
									tuple(AgentEventType.STATE_CHANGED, AgentState.AWAY, "break"),
									tuple(AgentEventType.STATE_CHANGED, AgentState.AVAILABLE, null),
									tuple(AgentEventType.OFFLINE, AgentState.OFFLINE, null)));
			// the outbox relay may tell an event twice (at least once): each seq counts
			// once
			List<AgentEvent> told = events.values((e) -> e.agentId().equals(agent)).stream().distinct().toList();
			for (int i = 1; i < told.size(); i++) {
				assertThat(told.get(i).seq()).isEqualTo(told.get(i - 1).seq() + 1);
			}
			assertThat(told.get(1).agentsOnline()).isEqualTo(1);
			assertThat(told.get(1).agentsAvailable()).isZero();
		}
	}

}
