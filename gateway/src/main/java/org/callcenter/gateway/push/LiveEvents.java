package org.callcenter.gateway.push;

import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.PreDestroy;

import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventType;
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
 * Streams are many (thousands of waiting callers, hundreds of agents), so nothing here
 * does work per stream for an event that is not for it: a call's events go to that call's
 * pages and to its agent's consoles alone (found by id), an agent's presence to its own
 * consoles; what every caller page gets is the queue moves and the number of agents
 * online.
 */
@Component
class LiveEvents {

	/** Each call's events, for its caller's pages. */
	private final Followers<CallEvent> callPages = new Followers<>();

	/**
	 * Call events, for the consoles of the agent the call is with (or was taken from).
	 */
	private final Followers<CallEvent> agentCalls = new Followers<>();

	/** Each agent's own presence events, for its consoles. */
	private final Followers<AgentEvent> agentPresence = new Followers<>();

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

	private final Broadcast<AgentEvent> agents = new Broadcast<>();

	/** Callers waiting with an agent, told when the callers ahead of them change. */
	private final AgentLines agentLines = new AgentLines();

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
		// the agent's outcome and notes are not the caller's to read
		if (event.type() != CallEventType.WRAPPED) {
			this.callPages.deliver(event.callId(), event.withoutAgentNotes());
		}
		this.agentCalls.deliver(event.agentId(), event);
		if (!Objects.equals(event.previousAgentId(), event.agentId())) {
			this.agentCalls.deliver(event.previousAgentId(), event);
		}
		// a colleague asked to join the call (a warm transfer) follows it until it takes
		// it over or the consult ends
		if (event.consultAgentId() != null && !event.consultAgentId().equals(event.agentId())) {
			this.agentCalls.deliver(event.consultAgentId(), event);
		}
		if (event.queueMove() != null) {
			this.moves.add(event.queueMove());
		}
		this.agentLines.on(event);
	}

	@KafkaListener(id = "gateway-presence", idIsGroup = false, topics = Topics.AGENT_EVENTS,
			groupId = "gateway-presence-#{T(java.util.UUID).randomUUID()}", properties = { "auto.offset.reset=latest",
					"spring.json.value.default.type=org.callcenter.contracts.agents.AgentEvent" })
	void on(AgentEvent event) {
		this.agents.publish(event);
		this.agentPresence.deliver(event.agentId(), event);
	}

	/** The events of one call, for its caller's pages. */
	Flux<CallEvent> calls(String callId) {
		return this.callPages.follow(callId);
	}

	/** The events of the calls an agent has or just lost, for its consoles. */
	Flux<CallEvent> callsOfAgent(String agentId) {
		return this.agentCalls.follow(agentId);
	}

	/** An agent's own presence events, for its consoles. */
	Flux<AgentEvent> presenceOf(String agentId) {
		return this.agentPresence.follow(agentId);
	}

	/**
	 * Every numbered move of the pending queue, in notices of one or more moves (a JSON
	 * array of {@link QueueMove}): each waiting caller's page works out its own place
	 * from them.
	 */
	Flux<String> queueMoves() {
		return this.queueMoves.subscribe();
	}

	/**
	 * The pages of callers given to an agent, notified when the callers ahead of them
	 * with that agent change.
	 */
	AgentLines agentLines() {
		return this.agentLines;
	}

	/** Every agent's presence events (caller pages show how many agents are online). */
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
