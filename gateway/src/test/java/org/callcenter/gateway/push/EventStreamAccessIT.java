package org.callcenter.gateway.push;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.agents.AgentEvent.AgentEventType;
import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.QueueMove;
import org.callcenter.contracts.calls.CallState;
import org.callcenter.gateway.GatewayTestBase;
import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may hear what: an agent's stream needs its session and carries only its own
 * callers; a caller's stream needs a ticket for that very call, which only the call's
 * credential gets.
 */
class EventStreamAccessIT extends GatewayTestBase {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = //
			new ParameterizedTypeReference<>() {
			};

	@Autowired
	LiveEvents hub;

	@Test
	void anAgentsStreamIs401WithoutASession() {
		this.http.get()
			.uri("/api/agent/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void anAgentsStreamCarriesItsOwnCallersAndThoseTakenFromItButNoOtherAgents() {
		String alicesCall = UUID.randomUUID().toString();
		String movedFromAlice = UUID.randomUUID().toString();
		String bobsCall = UUID.randomUUID().toString();
		Flux<ServerSentEvent<String>> stream = agentStream(signIn("alice"));
		// sent again and again: the stream hears only what happens once it listens
		Disposable happening = Flux.interval(Duration.ofMillis(100)).subscribe((tick) -> {
			this.hub.on(event(bobsCall, "bob", null));
			this.hub.on(event(alicesCall, "alice", null));
			this.hub.on(event(movedFromAlice, "bob", "alice"));
		});
		try {
			List<String> heard = stream.filter((event) -> "callers".equals(event.event()))
				.map(ServerSentEvent::data)
				.take(20)
				.collectList()
				.block(Duration.ofSeconds(15));

			assertThat(heard).anySatisfy((data) -> assertThat(data).contains(alicesCall))
				.anySatisfy((data) -> assertThat(data).contains(movedFromAlice))
				.noneSatisfy((data) -> assertThat(data).contains(bobsCall));
		}
		finally {
			happening.dispose();
		}
	}

	@Test
	void anotherAgentsStreamCannotBeOpenedByNamingIt() {
		String session = signIn("alice");

		this.http.get()
			.uri("/api/agents/bob/events")
			.cookie("SESSION", session)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isNotFound();

		assertThat(QUEUE_SERVICE.received()).noneSatisfy((request) -> assertThat(request.path()).contains("bob"));
	}

	@Test
	void whileItsStreamIsOpenTheAgentIsReportedAliveAsItself() {
		List<ServerSentEvent<String>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
		// the stream stays open until a heartbeat arrived: closing it right after "ready"
		// could cancel the first heartbeat on its way
		Disposable open = agentStream(signIn("alice")).filter((event) -> event.event() != null).subscribe(seen::add);
		try {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !seen.isEmpty()
						&& !QUEUE_SERVICE.received("PUT", "/api/agents/alice/heartbeat").isEmpty());
		}
		finally {
			open.dispose();
		}
		assertThat(seen.get(0).event()).isEqualTo("ready");
		assertThat(seen.get(0).data()).contains("\"agentId\":\"alice\"");
		assertThat(CREDENTIALS.verify(Purpose.AGENT,
				QUEUE_SERVICE.received("PUT", "/api/agents/alice/heartbeat")
					.get(0)
					.header(SignedCredentials.AGENT_HEADER)))
			.hasValue("alice");
	}

	@Test
	void aHeartbeatAnsweredSlowerThanTheIntervalDoesNotBreakTheAgentsStream() {
		QUEUE_SERVICE.slowHeartbeats(Duration.ofSeconds(1)); // the interval is 300 ms
																// here
		String call = UUID.randomUUID().toString();
		Flux<ServerSentEvent<String>> stream = agentStream(signIn("alice"));
		Disposable happening = Flux.interval(Duration.ofMillis(1500), Duration.ofMillis(100))
			.subscribe((tick) -> this.hub.on(event(call, "alice", null)));
		try {
			StepVerifier.create(stream.filter((event) -> "callers".equals(event.event())))
				.assertNext((event) -> assertThat(event.data()).contains(call))
				.thenCancel()
				.verify(Duration.ofSeconds(10));
		}
		finally {
			happening.dispose();
		}
	}

	@Test
	void anAgentsStreamEndsWhenItsSessionIsSignedOut() {
		String session = signIn("alice");
		Flux<ServerSentEvent<String>> stream = agentStream(session);

		this.http.post()
			.uri("/logout")
			.cookie("SESSION", session)
			.header("Origin", ownOrigin())
			.exchange()
			.expectStatus()
			.is3xxRedirection();

		StepVerifier.create(stream).thenConsumeWhile((event) -> true).expectComplete().verify(Duration.ofSeconds(10));
		assertThat(QUEUE_SERVICE.received("DELETE", "/api/agents/alice")).as("taken offline").isNotEmpty();
	}

	@Test
	void anEventTicketNeedsTheCallsOwnCredential() {
		String call = UUID.randomUUID().toString();
		String otherCall = UUID.randomUUID().toString();

		ticketRequest(call, null).exchange().expectStatus().isUnauthorized();
		ticketRequest(call, "not-a-credential").exchange().expectStatus().isUnauthorized();
		// an agent's identity is not a caller's credential, even for the same subject
		ticketRequest(call, CREDENTIALS.issue(Purpose.AGENT, call, Duration.ofMinutes(1))).exchange()
			.expectStatus()
			.isUnauthorized();
		ticketRequest(call, CREDENTIALS.issue(Purpose.CALLER, otherCall, Duration.ofMinutes(1))).exchange()
			.expectStatus()
			.isForbidden();
		ticketRequest(call, CREDENTIALS.issue(Purpose.CALLER, call, Duration.ofMinutes(1))).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.ticket")
			.isNotEmpty();
	}

	@Test
	void aCallersStreamOpensOnlyWithATicketForThatCall() {
		String call = UUID.randomUUID().toString();
		String otherCall = UUID.randomUUID().toString();
		String ticket = ticket(call);

		callerStream(otherCall, ticket).exchange().expectStatus().isForbidden();
		callerStream(call, "forged").exchange().expectStatus().isUnauthorized();
		// the caller's credential itself is not a ticket: it never goes into a URL
		callerStream(call, CREDENTIALS.issue(Purpose.CALLER, call, Duration.ofMinutes(1))).exchange()
			.expectStatus()
			.isUnauthorized();

		Flux<ServerSentEvent<String>> stream = callerStream(call, ticket).exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENTS)
			.getResponseBody();
		StepVerifier.create(stream.filter((event) -> event.event() != null))
			.assertNext((ready) -> assertThat(ready.data()).contains(call))
			.thenCancel()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void aCallersStreamTellsOfItsOwnCallAndOfNumberedQueueMovesButNothingOfOtherCalls() {
		String call = UUID.randomUUID().toString();
		String movedTheQueue = UUID.randomUUID().toString();
		String joinedAtTheEnd = UUID.randomUUID().toString();
		String elsewhere = UUID.randomUUID().toString();
		Flux<ServerSentEvent<String>> stream = openCallerStream(call);
		Disposable happening = Flux.interval(Duration.ofMillis(100)).subscribe((tick) -> {
			this.hub.on(event(elsewhere, "bob", null));
			this.hub.on(queueMove(movedTheQueue));
			this.hub.on(joinedAtTheEnd(joinedAtTheEnd));
			this.hub.on(event(call, "alice", null));
			this.hub.on(new AgentEvent("bob:1", "bob", 1, AgentEventType.ONLINE, null, 2, Instant.now()));
		});
		try {
			Set<String> kinds = new HashSet<>();
			List<ServerSentEvent<String>> heard = stream.filter((event) -> event.event() != null)
				.doOnNext((event) -> kinds.add(event.event()))
				.takeUntil((event) -> kinds.containsAll(List.of("call", "queue", "agents")))
				.collectList()
				.block(Duration.ofSeconds(15));

			assertThat(heard).filteredOn((event) -> "call".equals(event.event()))
				.allSatisfy((event) -> assertThat(event.data()).contains(call));
			assertThat(heard).filteredOn((event) -> "queue".equals(event.event()))
				.allSatisfy((event) -> assertThat(event.data()).matches(
						"\\[\\{\"version\":7,\"arrival\":3,\"joined\":false,\"queue\":\"general\"\\}(,\\{\"version\":7,\"arrival\":3,\"joined\":false,\"queue\":\"general\"\\})*\\]"));
			assertThat(heard).filteredOn((event) -> "agents".equals(event.event()))
				.allSatisfy((event) -> assertThat(event.data())
					.isEqualTo("{\"agentsOnline\":2,\"agentsServing\":0,\"queues\":{}}"));
			assertThat(heard).noneSatisfy((event) -> assertThat(String.valueOf(event.data())).contains(movedTheQueue))
				.noneSatisfy((event) -> assertThat(String.valueOf(event.data())).contains(elsewhere))
				.noneSatisfy((event) -> assertThat(String.valueOf(event.data())).contains(joinedAtTheEnd))
				.noneSatisfy((event) -> assertThat(String.valueOf(event.data())).contains("bob"));
		}
		finally {
			happening.dispose();
		}
	}

	@Test
	void aCallerWaitingWithAnAgentHearsThatTheCallersAheadChangedButNotWhoTheyAre() {
		String call = UUID.randomUUID().toString();
		String alicesOther = UUID.randomUUID().toString();
		String bobsCall = UUID.randomUUID().toString();
		Flux<ServerSentEvent<String>> stream = openCallerStream(call);
		Disposable happening = Flux.interval(Duration.ofMillis(100)).subscribe((tick) -> {
			// the call is given to alice; another of alice's callers is served, one of
			// bob's
			// too
			this.hub.on(event(call, "alice", null));
			this.hub.on(ended(alicesOther, "alice"));
			this.hub.on(ended(bobsCall, "bob"));
		});
		try {
			List<ServerSentEvent<String>> heard = stream.filter((event) -> event.event() != null)
				.filter((event) -> !"call".equals(event.event()) && !"ready".equals(event.event()))
				.take(5)
				.collectList()
				.block(Duration.ofSeconds(15));

			assertThat(heard).allSatisfy((event) -> {
				assertThat(event.event()).isEqualTo("line");
				assertThat(event.data()).isEqualTo("{}");
			});
		}
		finally {
			happening.dispose();
		}
	}

	/** A call of the agent's, served: ended after the agent talked with it. */
	static CallEvent ended(String callId, String agentId) {
		return new CallEvent(callId + ":9", callId, 9, CallEventType.ENDED, CallState.ENDED, agentId, null, "1_session",
				true, null, false, Instant.now());
	}

	@Test
	void aCallersStreamNeverCarriesTheAgentsOutcomeOrNotes() {
		String call = UUID.randomUUID().toString();
		Flux<ServerSentEvent<String>> stream = openCallerStream(call);
		Disposable happening = Flux.interval(Duration.ofMillis(100)).subscribe((tick) -> {
			this.hub.on(withNotes(call, 3, CallEventType.WRAPPED, "wrapped-notes"));
			this.hub.on(withNotes(call, 2, CallEventType.ENDED, "ended-notes"));
		});
		try {
			List<ServerSentEvent<String>> heard = stream.filter((event) -> "call".equals(event.event()))
				.take(3)
				.collectList()
				.block(Duration.ofSeconds(15));

			assertThat(heard).allSatisfy((event) -> assertThat(event.data()).contains("\"type\":\"ENDED\"")
				.doesNotContain("ended-notes", "wrapped-notes", "follow-up", "WRAPPED"));
		}
		finally {
			happening.dispose();
		}
	}

	/** An event with the agent's outcome and notes, for the call center only. */
	static CallEvent withNotes(String callId, long seq, CallEventType type, String notes) {
		return new CallEvent(callId + ":" + seq, callId, seq, type, CallState.ENDED, "alice", null, "1_session", true,
				null, false, Instant.now(), null, "follow-up", notes);
	}

	/** The caller's event stream, opened with a ticket for its call. */
	private Flux<ServerSentEvent<String>> openCallerStream(String callId) {
		return callerStream(callId, ticket(callId)).exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENTS)
			.getResponseBody();
	}

	private String ticket(String callId) {
		return ticketRequest(callId, CREDENTIALS.issue(Purpose.CALLER, callId, Duration.ofMinutes(1))).exchange()
			.expectStatus()
			.isOk()
			.expectBody(java.util.Map.class)
			.returnResult()
			.getResponseBody()
			.get("ticket")
			.toString();
	}

	private org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> ticketRequest(
			String callId, String credential) {
		var request = this.http.post().uri("/api/calls/{callId}/event-tickets", callId).header("Origin", ownOrigin());
		return (credential != null) ? request.header("Authorization", "Bearer " + credential) : request;
	}

	private org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> callerStream(String callId,
			String ticket) {
		return this.http.get()
			.uri("/api/calls/{callId}/events?ticket={ticket}", callId, ticket)
			.accept(MediaType.TEXT_EVENT_STREAM);
	}

	private Flux<ServerSentEvent<String>> agentStream(String session) {
		return this.http.get()
			.uri("/api/agent/events")
			.cookie("SESSION", session)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENTS)
			.getResponseBody();
	}

	/** A waiting call, third in arrival, left the line with callers behind it. */
	static CallEvent queueMove(String callId) {
		return new CallEvent(callId + ":2", callId, 2, CallEventType.ENDED, CallState.ENDED, null, null, "1_session",
				false, null, true, Instant.now(), new QueueMove(7, 3, false, "general"));
	}

	/** A new caller at the end of the line: the queue changed, but nobody's place. */
	static CallEvent joinedAtTheEnd(String callId) {
		return new CallEvent(callId + ":1", callId, 1, CallEventType.QUEUED, CallState.WAITING, null, null, "1_session",
				false, null, true, Instant.now());
	}

	static CallEvent event(String callId, String agentId, String previousAgentId) {
		return new CallEvent(callId + ":1", callId, 1, CallEventType.ASSIGNED, CallState.ASSIGNED, agentId,
				previousAgentId, "1_session", true, null, false, Instant.now());
	}

}
