package org.callcenter.gateway.push;

import java.security.Principal;
import java.time.Duration;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebSession;

/**
 * The supervisors' dashboard stream (supervisors only: see the security configuration):
 * {@code figures} events, each a changed figure of stats-service
 * ({@link SupervisorFeed.FigureChange}: the latest of the center and of every agent
 * first, then each change as published), and {@code waiting} events, each a notice that
 * the line of waiting callers may have changed, after which the page reads
 * {@code /api/queue} once.
 */
@RestController
class SupervisorPushController {

	private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

	private final SupervisorFeed feed;

	private final ReactiveSessionRepository<? extends Session> sessions;

	SupervisorPushController(SupervisorFeed feed, ReactiveSessionRepository<? extends Session> sessions) {
		this.feed = feed;
		this.sessions = sessions;
	}

	@GetMapping(path = "/api/supervisor/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> supervisorEvents(Principal supervisor, WebSession session) {
		// the figures stop with the sign-in (signed out anywhere, or expired), as the
		// agent's stream does
		String sessionId = session.getId();
		Mono<Void> signedOut = Flux.interval(KEEP_ALIVE)
			.filterWhen((tick) -> this.sessions.findById(sessionId).hasElement().map((present) -> !present))
			.next()
			.then();
		Flux<ServerSentEvent<Object>> figures = this.feed.figures()
			.map((change) -> ServerSentEvent.builder((Object) change).event("figures").build());
		Flux<ServerSentEvent<Object>> waiting = this.feed.lineChanges()
			.map((at) -> ServerSentEvent.builder((Object) Map.of("at", at)).event("waiting").build());
		Flux<ServerSentEvent<Object>> keepAlive = Flux.interval(KEEP_ALIVE)
			.map((tick) -> ServerSentEvent.builder().comment("alive").build());
		return Flux.merge(Flux
			.just(ServerSentEvent.builder((Object) Map.of("supervisor", supervisor.getName())).event("ready").build()),
				figures, waiting, keepAlive)
			.takeUntilOther(signedOut);
	}

}
