package org.callcenter.queue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.agents.AgentEvent.AgentEventType;
import org.callcenter.contracts.agents.AgentEvent.OfflineReason;
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
 * The old demo's flows, through the HTTP API, with session events arriving over Kafka.
 */
@TestPropertySource(properties = "queue.namespace=flows")
class CallFlowsIT extends QueueServiceTestBase {

	@Test
	void callersDialingWithNoAgentOnlineWaitInArrivalOrder() {
		Reply first = this.api.dial("Ann");
		Reply second = this.api.dial("Bob");

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.state()).isEqualTo("WAITING");
		assertThat(first.position()).isEqualTo(1);
		assertThat(second.position()).isEqualTo(2);
		assertThat(first.body().at("/session/token").asString()).isEqualTo(
				TokenServiceStub.tokenFor(first.body().at("/session/sessionId").asString(), "caller", first.callId()));

		this.api.leave(first.callId());
		assertThat(this.api.status(second.callId()).position()).isEqualTo(1);
	}

	@Test
	void anAgentComingOnlineTakesTheWaitingCallers() {
		Reply ann = this.api.dial("Ann");
		Reply bob = this.api.dial("Bob");

		this.api.goOnline("alice");

		assertThat(this.api.status(ann.callId()).agentId()).isEqualTo("alice");
		assertThat(this.api.status(bob.callId()).state()).isEqualTo("ASSIGNED");
		assertThat(this.api.status(bob.callId()).position()).isNull();
	}

	@Test
	void aCallerDialingWhileAgentsAreOnlineGoesToTheLeastLoadedOne() {
		this.api.goOnline("alice");
		this.api.goOnline("bruno");

		String first = this.api.dial("c1").agentId();
		String second = this.api.dial("c2").agentId();
		String third = this.api.dial("c3").agentId();

		assertThat(first).isEqualTo("alice"); // equal load: alice has waited longest
		assertThat(second).isEqualTo("bruno");
		assertThat(third).isEqualTo("alice");
	}

	@Test
	void anAgentSeesOnlyCallersConnectedToTheirSession() {
		this.api.goOnline("alice");
		Reply connected = this.api.dial("Ann");
		Reply notYet = this.api.dial("Bob");

		connectCaller(connected);

		assertThat(this.api.callers("alice").ids()).containsExactly(connected.callId());
		assertThat(this.api.status(notYet.callId()).agentId()).isEqualTo("alice");
	}

	@Test
	void acceptHoldResumeAndEndACall() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		connectCaller(ann);

		Reply accepted = this.api.accept("alice", ann.callId());
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.state()).isEqualTo("ON_CALL");
		assertThat(accepted.call().get("callStartedAt").isNull()).isFalse();
		assertThat(accepted.body().at("/session/token").asString())
			.isEqualTo(TokenServiceStub.tokenFor(ann.body().at("/session/sessionId").asString(), "agent", "alice"));

		assertThat(accepted.body().has("firstAccept")).isFalse();
		assertThat(
				this.api.send(org.springframework.http.HttpMethod.GET, "/actuator/metrics/callcenter.wait.time", null)
					.body()
					.at("/measurements/0/value")
					.asDouble())
			.as("calls whose wait time was recorded")
			.isGreaterThanOrEqualTo(1.0);

		assertThat(this.api.hold("alice", ann.callId()).state()).isEqualTo("ON_HOLD");
		assertThat(this.api.status(ann.callId()).state()).isEqualTo("ON_HOLD");
		assertThat(this.api.resume("alice", ann.callId()).state()).isEqualTo("ON_CALL");

		Reply ended = this.api.end("alice", ann.callId());
		assertThat(ended.state()).isEqualTo("ENDED");
		assertThat(this.api.status(ann.callId()).call().get("endReason").asString()).isEqualTo("agentEnded");
		assertThat(this.api.callers("alice").ids()).isEmpty();
	}

	@Test
	void acceptingAnotherCallerPutsTheCurrentCallOnHold() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		Reply bob = this.api.dial("Bob");
		connectCaller(ann);
		connectCaller(bob);
		this.api.accept("alice", ann.callId());

		this.api.accept("alice", bob.callId());

		assertThat(this.api.status(ann.callId()).state()).isEqualTo("ON_HOLD");
		assertThat(this.api.status(bob.callId()).state()).isEqualTo("ON_CALL");

		this.api.accept("alice", ann.callId()); // switch back
		assertThat(this.api.status(ann.callId()).state()).isEqualTo("ON_CALL");
		assertThat(this.api.status(bob.callId()).state()).isEqualTo("ON_HOLD");
	}

	@Test
	void callersOfAnAgentWhoLeavesMoveToTheOtherAgents() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		connectCaller(ann);
		this.api.accept("alice", ann.callId());
		this.api.goOnline("bruno");

		Reply offline = this.api.goOffline("alice");

		assertThat(offline.body().get("online").asBoolean()).isFalse();
		Reply moved = this.api.status(ann.callId());
		assertThat(moved.agentId()).isEqualTo("bruno");
		assertThat(moved.state()).isEqualTo("ASSIGNED");
		assertThat(this.api.callers("bruno").ids()).containsExactly(ann.callId());
	}

	@Test
	void callersOfTheLastAgentToLeaveWaitAgainInTheirArrivalOrder() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		Reply bob = this.api.dial("Bob");

		this.api.goOffline("alice");
		Reply cleo = this.api.dial("Cleo");

		assertThat(this.api.status(ann.callId()).position()).isEqualTo(1);
		assertThat(this.api.status(bob.callId()).position()).isEqualTo(2);
		assertThat(cleo.position()).isEqualTo(3);
	}

	@Test
	void aCallerLeavingFreesItsAgentAndLeavingTwiceChangesNothing() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");

		Reply left = this.api.leave(ann.callId());
		Reply again = this.api.leave(ann.callId());

		assertThat(left.state()).isEqualTo("ENDED");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.call().get("endReason").asString()).isEqualTo("callerLeft");
		assertThat(this.api.snapshot().body().at("/agents/0/rankedLoad").asInt()).isZero();
	}

	@Test
	void everyChangeOfACallIsPublishedInOrderWithItsSequenceNumber() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		connectCaller(ann);
		this.api.accept("alice", ann.callId());
		this.api.hold("alice", ann.callId());
		this.api.resume("alice", ann.callId());
		this.api.end("alice", ann.callId());

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(eventsOf(ann.callId())).extracting(CallEvent::type)
				.containsExactly(CallEventType.ASSIGNED, CallEventType.CALLER_CONNECTED, CallEventType.ACCEPTED,
						CallEventType.HELD, CallEventType.RESUMED, CallEventType.ENDED));
		List<CallEvent> events = eventsOf(ann.callId());
		assertThat(events).extracting(CallEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.eventId()).isEqualTo(ann.callId() + ":" + event.seq());
			assertThat(event.sessionId()).isEqualTo(ann.body().at("/session/sessionId").asString());
		});
		assertThat(events.get(5).reason()).isEqualTo(CallEventReason.AGENT_ENDED);
		assertThat(CALL_EVENTS.received()).filteredOn((record) -> ann.callId().equals(record.key()))
			.hasSizeGreaterThanOrEqualTo(6);
	}

	@Test
	void anAgentsPresenceChangesArePublishedInOrderThroughTheOutbox() {
		try (TopicRecorder<AgentEvent> agentEvents = new TopicRecorder<>(RealKafka.shared().bootstrapServers(),
				Topics.AGENT_EVENTS, AgentEvent.class)) {
			this.api.goOnline("presence-agent");
			this.api.goOnline("presence-agent"); // already online: nothing to tell
			this.api.goOffline("presence-agent");

			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(
						agentEvents.values((event) -> event.agentId().equals("presence-agent")).stream().distinct())
					.extracting(AgentEvent::type, AgentEvent::reason)
					.containsExactly(tuple(AgentEventType.ONLINE, null),
							tuple(AgentEventType.OFFLINE, OfflineReason.AGENT_LOGGED_OUT)));
			List<AgentEvent> events = agentEvents.values((event) -> event.agentId().equals("presence-agent"));
			assertThat(events.get(0).seq()).isLessThan(events.get(events.size() - 1).seq());
			assertThat(events.get(0).agentsOnline()).isGreaterThanOrEqualTo(1);
		}
	}

	@Test
	void aDialsTraceGoesOnToTokenServiceWhenItAsksItAndThroughTheOutboxToKafka() {
		this.api.goOnline("alice");
		String traceId = "0af7651916cd43dd8448eb211c80319c";
		Map<String, String> headers = new HashMap<>(this.api.asGateway());
		headers.put("traceparent", "00-" + traceId + "-b7ad6b7169203331-01");

		Reply ann = this.api.send(org.springframework.http.HttpMethod.POST, "/api/calls",
				Map.of("name", "Ann", "reason", "help", "mode", "audioVideo"), headers);

		assertThat(ann.status()).isEqualTo(201);
		// nothing when the session pool had an entry for the dial (its session and token
		// were made ahead, in traces of their own), else the session and the token
		assertThat(TOKEN_SERVICE.traceParents()
			.stream()
			.filter((parent) -> parent.startsWith("00-" + traceId + "-"))
			.count()).isIn(0L, 2L);
		// the event, relayed later by another thread, is sent within the dial's trace
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(CALL_EVENTS.received())
				.filteredOn((record) -> ann.callId().equals(record.key()))
				.isNotEmpty()
				.allSatisfy(
						(record) -> assertThat(record.headers().get("traceparent")).startsWith("00-" + traceId + "-")));
	}

	@Test
	void theApiIsDescribedWithOpenApiAndTheQueueIsAMetric() {
		this.api.dial("Ann");

		Reply docs = this.api.send(org.springframework.http.HttpMethod.GET, "/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().get("paths").propertyNames()).contains("/api/calls", "/api/calls/{callId}",
				"/api/agents/{agentId}/callers/{callId}/accept", "/api/queue");

		Reply waiting = this.api.send(org.springframework.http.HttpMethod.GET,
				"/actuator/metrics/callcenter.queue.waiting", null);
		assertThat(waiting.body().at("/measurements/0/value").asDouble()).isEqualTo(1.0);
	}

	private List<CallEvent> eventsOf(String callId) {
		return CALL_EVENTS.values((event) -> event.callId().equals(callId))
			.stream()
			.distinct() // the relay may repeat an event; consumers drop repeats
			.toList();
	}

}
