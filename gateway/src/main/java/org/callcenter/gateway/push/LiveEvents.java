package org.callcenter.gateway.push;

import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every call and agent event, as it happens, for the browsers connected to this instance.
 * Each gateway instance reads the whole topics in consumer groups of its own, so
 * whichever instance holds a browser's connection can update it.
 */
@Component
class LiveEvents {

	private final Broadcast<CallEvent> calls = new Broadcast<>();

	private final Broadcast<AgentEvent> agents = new Broadcast<>();

	@KafkaListener(id = "gateway-push", idIsGroup = false, topics = Topics.CALL_EVENTS,
			groupId = "gateway-#{T(java.util.UUID).randomUUID()}", properties = "auto.offset.reset=latest")
	void on(CallEvent event) {
		this.calls.publish(event);
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
