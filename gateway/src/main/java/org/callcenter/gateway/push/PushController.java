package org.callcenter.gateway.push;

import java.security.Principal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.callcenter.contracts.agents.QueueAgents;
import org.callcenter.contracts.calls.CallState;
import org.callcenter.gateway.system.GatewayProperties;
import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebSession;

/**
 * Server-sent events instead of the old demo's polling. An agent's console hears about
 * changes to its own callers and to its own presence (every console of the agent hears
 * that it went offline); a caller's page about its own call, about queue moves (which
 * arrival joined or left the line, numbered, so that the page works out its own place
 * without a read), about how many agents are online and serving, and, while the call
 * waits with an agent, that the callers ahead of it there changed ({@link AgentLines}).
 * Pages read their own call's new state from the API. While an agent's stream is open,
 * this instance holds the agent's live connection and reports it alive to queue-service.
 */
@RestController
class PushController {

	private static final Logger log = LoggerFactory.getLogger(PushController.class);

	private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

	/**
	 * Long enough to open the stream; the page asks for a new one whenever it opens it
	 * again.
	 */
	static final Duration EVENT_TICKET_VALIDITY = Duration.ofSeconds(30);

	private static final ParameterizedTypeReference<Map<String, Object>> CONSOLE_NOTICE = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Map<String, Object>> CALL = new ParameterizedTypeReference<>() {
	};

	private final LiveEvents hub;

	private final SignedCredentials credentials;

	private final GatewayProperties properties;

	private final WebClient queue;

	private final OpenCallerPages callerPages;

	private final ReactiveSessionRepository<? extends Session> sessions;

	PushController(LiveEvents hub, SignedCredentials credentials, GatewayProperties properties, WebClient queueService,
			OpenCallerPages callerPages, ReactiveSessionRepository<? extends Session> sessions) {
		this.hub = hub;
		this.callerPages = callerPages;
		this.sessions = sessions;
		this.credentials = credentials;
		this.properties = properties;
		this.queue = queueService;
	}

	@GetMapping(path = "/api/agent/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> agentEvents(Principal agent, WebSession session) {
		String agentId = agent.getName();
		// a stream must not outlive its sign-in: once the session is gone (signed out in
		// any
		// way, or expired), the stream ends and stops reporting the agent alive
		String sessionId = session.getId();
		Mono<Void> signedOut = Flux.interval(this.properties.heartbeatInterval())
			.filterWhen((tick) -> this.sessions.findById(sessionId).hasElement().map((present) -> !present))
			.next()
			.then();
		Flux<ServerSentEvent<Object>> changes = this.hub.callsOfAgent(agentId)
			.map((event) -> ServerSentEvent.builder((Object) event).event("callers").id(event.eventId()).build());
		Flux<ServerSentEvent<Object>> presence = this.hub.presenceOf(agentId)
			.map((event) -> ServerSentEvent.builder((Object) event).event("presence").id(event.eventId()).build());
		// each heartbeat's answer says what the console should show about the call center
		// itself; a change of it (session-monitoring webhooks missing, or back) is sent
		// on
		// as a `monitoring` event
		AtomicReference<Map<String, Object>> shown = new AtomicReference<>();
		// a heartbeat answered slower than the interval skips a tick: without the drop,
		// the
		// interval overflowed and ended the console's stream with an error
		Flux<ServerSentEvent<Object>> alive = Flux.interval(Duration.ZERO, this.properties.heartbeatInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> heartbeat(agentId))
			.map((notice) -> (!notice.isEmpty() && !notice.equals(shown.getAndSet(notice)))
					? ServerSentEvent.builder((Object) notice).event("monitoring").build()
					: ServerSentEvent.builder().comment("alive").build());
		return Flux
			.merge(Flux.just(ServerSentEvent.builder((Object) Map.of("agentId", agentId)).event("ready").build()),
					changes, presence, alive)
			.takeUntilOther(signedOut);
	}

	/**
	 * A short-lived ticket for the call's event stream, for a page that holds the call's
	 * caller credential (sent as a bearer header, never in a URL).
	 */
	@PostMapping(path = "/api/calls/{callId}/event-tickets", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, String> callerEventTicket(@PathVariable String callId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		String credential = (authorization != null && authorization.startsWith("Bearer ")) ? authorization.substring(7)
				: "";
		String subject = this.credentials.verify(Purpose.CALLER, credential)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
		if (!subject.equals(callId)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return Map.of("ticket", this.credentials.issue(Purpose.CALLER_EVENTS, callId, EVENT_TICKET_VALIDITY));
	}

	@GetMapping(path = "/api/calls/{callId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> callerEvents(@PathVariable String callId, @RequestParam String ticket) {
		String subject = this.credentials.verify(Purpose.CALLER_EVENTS, ticket)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
		if (!subject.equals(callId)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		Flux<ServerSentEvent<Object>> own = this.hub.calls(callId)
			.map((event) -> ServerSentEvent.builder((Object) event).event("call").build());
		// the same small notice, as JSON written once, for every caller page: the page,
		// which knows its own arrival, works out its place from it (QueueMove)
		Flux<ServerSentEvent<Object>> queue = this.hub.queueMoves()
			.map((move) -> ServerSentEvent.builder((Object) move).event("queue").build());
		Flux<ServerSentEvent<Object>> agentsOnline = this.hub.agents()
			.map((event) -> ServerSentEvent
				.builder((Object) new AgentsNotice(event.agentsOnline(), event.agentsServing(), event.queues()))
				.event("agents")
				.build());
		// while the call waits with an agent: the callers ahead of it there changed, so
		// the
		// page reads its own call again (the notice says nothing of the others)
		AgentLines lines = this.hub.agentLines();
		Flux<ServerSentEvent<Object>> line = lines.notices(callId)
			.map((notice) -> ServerSentEvent.builder((Object) notice).event("line").build());
		Flux<ServerSentEvent<Object>> keepAlive = Flux.interval(KEEP_ALIVE)
			.map((tick) -> ServerSentEvent.builder().comment("alive").build());
		Flux<ServerSentEvent<Object>> stream = Flux
			.merge(Flux.just(ServerSentEvent.builder((Object) Map.of("callId", callId)).event("ready").build()), own,
					queue, agentsOnline, line, keepAlive)
			.doOnSubscribe((subscription) -> this.callerPages.opened(callId))
			.doFinally((signal) -> this.callerPages.closed(callId));
		// the call's events are followed before it is read, so that a move to or from an
		// agent while it is read is not missed; a call that no longer exists (ended long
		// ago) has nothing to follow: 404, not an open stream
		return Flux.defer(() -> {
			lines.opened(callId);
			return readCall(callId).flatMapMany((read) -> {
				if (!read.exists()) {
					return Flux.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
				}
				lines.read(callId, read.state(), read.agentId());
				return stream;
			}).doFinally((signal) -> lines.closed(callId));
		});
	}

	/**
	 * The call as queue-service reads it: whether it exists (false only when
	 * queue-service says there is no such call; if it cannot say, the page may follow),
	 * its state and its agent.
	 */
	private Mono<CallSeen> readCall(String callId) {
		return this.queue.get()
			.uri("/api/calls/{callId}", callId)
			.header(HttpHeaders.AUTHORIZATION,
					"Bearer " + this.credentials.issue(Purpose.CALLER, callId, Duration.ofMinutes(1)))
			.retrieve()
			.bodyToMono(CALL)
			.map(CallSeen::of)
			.defaultIfEmpty(CallSeen.UNKNOWN)
			.onErrorResume(WebClientResponseException.NotFound.class, (missing) -> Mono.just(CallSeen.MISSING))
			.onErrorResume((failure) -> Mono.just(CallSeen.UNKNOWN));
	}

	/**
	 * What a caller's page hears as agents come and go: whether anybody is there, and
	 * among how many agents the line is shared (for its expected wait); in the whole
	 * center, and for each queue (a page takes its own queue's).
	 */
	record AgentsNotice(int agentsOnline, int agentsServing, Map<String, QueueAgents> queues) {

	}

	/** What the stream of a call needs of its read: whether it exists, where it waits. */
	private record CallSeen(boolean exists, CallState state, String agentId) {

		static final CallSeen MISSING = new CallSeen(false, null, null);

		static final CallSeen UNKNOWN = new CallSeen(true, null, null);

		static CallSeen of(Map<String, Object> call) {
			Object state = call.get("state");
			Object agentId = call.get("agentId");
			CallState known = Arrays.stream(CallState.values())
				.filter((candidate) -> candidate.name().equals(state))
				.findFirst()
				.orElse(null);
			return new CallSeen(true, known, (agentId instanceof String id) ? id : null);
		}

	}

	/**
	 * The console notice queue-service answers, or nothing if the heartbeat was not
	 * recorded.
	 */
	private Mono<Map<String, Object>> heartbeat(String agentId) {
		return this.queue.put()
			.uri("/api/agents/{agentId}/heartbeat", agentId)
			.header(SignedCredentials.AGENT_HEADER,
					this.credentials.issue(Purpose.AGENT, agentId, Duration.ofMinutes(1)))
			.retrieve()
			.bodyToMono(CONSOLE_NOTICE)
			.defaultIfEmpty(Map.of())
			.onErrorResume((failure) -> {
				log.debug("heartbeat of {} not recorded: {}", agentId, failure.toString());
				return Mono.just(Map.of());
			});
	}

}
