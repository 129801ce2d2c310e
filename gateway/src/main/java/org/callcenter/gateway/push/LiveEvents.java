package org.callcenter.gateway.push;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.PreDestroy;

import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.QueueMove;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.gateway.system.GatewayProperties;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every call and agent event, as it happens, for the browsers connected to this instance.
 * Each gateway instance reads the whole topics in consumer groups of its own, so
 * whichever instance holds a browser's connection can update it.
 *
 * <p>
 * Caller pages are many (thousands waiting), so nothing here does work per caller page
 * for an event that is not for it: a call's own events go to the streams of that call
 * alone (found by call id), and a queue move is the one thing every caller page gets.
 */
@Component
class LiveEvents {

	private final Broadcast<CallEvent> calls = new Broadcast<>();

	/**
	 * Queue notices: the moves of one interval as a JSON array, written once for all the
	 * caller pages it goes to.
	 */
	private final Broadcast<String> queueMoves = new Broadcast<>();

	private final CoalescedMoves moves;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "queue-notices");
		thread.setDaemon(true);
		return thread;
	});

	private final JsonMapper json;

	/** The open streams of each call's pages, by call id. */
	private final Map<String, Set<FluxSink<CallEvent>>> followers = new ConcurrentHashMap<>();

	private final Broadcast<AgentEvent> agents = new Broadcast<>();

	LiveEvents(JsonMapper json, GatewayProperties properties) {
		this.json = json;
		this.moves = new CoalescedMoves(properties.queueMoveInterval(), this.timer, System::nanoTime,
				(moves) -> this.queueMoves.publish(this.json.writeValueAsString(moves)));
	}

	@PreDestroy
	void stop() {
		this.timer.shutdownNow();
	}

	@KafkaListener(id = "gateway-push", idIsGroup = false, topics = Topics.CALL_EVENTS,
			groupId = "gateway-#{T(java.util.UUID).randomUUID()}", properties = "auto.offset.reset=latest")
	void on(CallEvent event) {
		this.calls.publish(event);
		Set<FluxSink<CallEvent>> pages = this.followers.get(event.callId());
		if (pages != null) {
			pages.forEach((page) -> page.next(event));
		}
		if (event.queueMove() != null) {
			this.moves.add(event.queueMove());
		}
	}

	@KafkaListener(id = "gateway-presence", idIsGroup = false, topics = Topics.AGENT_EVENTS,
			groupId = "gateway-presence-#{T(java.util.UUID).randomUUID()}", properties = { "auto.offset.reset=latest",
					"spring.json.value.default.type=org.callcenter.contracts.agents.AgentEvent" })
	void on(AgentEvent event) {
		this.agents.publish(event);
	}

	Flux<CallEvent> calls() {
		return this.calls.subscribe();
	}

	/** The events of one call, for its caller's pages. */
	Flux<CallEvent> calls(String callId) {
		return Flux.create((FluxSink<CallEvent> page) -> {
			// added and removed inside compute, so a set emptied by a page that closed is
			// never the one a page that opens adds itself to
			this.followers.compute(callId, (id, pages) -> {
				Set<FluxSink<CallEvent>> open = (pages != null) ? pages : ConcurrentHashMap.newKeySet();
				open.add(page);
				return open;
			});
			page.onDispose(() -> this.followers.computeIfPresent(callId, (id, pages) -> {
				pages.remove(page);
				return pages.isEmpty() ? null : pages;
			}));
		}, FluxSink.OverflowStrategy.BUFFER);
	}

	/**
	 * Every numbered move of the pending queue, in notices of one or more moves (a JSON
	 * array of {@link QueueMove}): each waiting caller's page works out its own place
	 * from them.
	 */
	Flux<String> queueMoves() {
		return this.queueMoves.subscribe();
	}

	Flux<AgentEvent> agents() {
		return this.agents.subscribe();
	}

	/** Hands each item to every current subscriber. */
	private static final class Broadcast<T> {

		private final Sinks.Many<T> sink = Sinks.many().multicast().directBestEffort();

		void publish(T item) {
			this.sink.tryEmitNext(item);
		}

		/**
		 * Each subscriber gets its own buffer: the sink drops an element for a subscriber
		 * without demand, and a browser on a slow connection must not miss the notice
		 * that its list changed.
		 */
		Flux<T> subscribe() {
			return this.sink.asFlux().onBackpressureBuffer(1024, BufferOverflowStrategy.DROP_OLDEST);
		}

	}

}
