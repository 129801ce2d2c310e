package org.callcenter.gateway.push;

import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every call event, as it happens, for the browsers connected to this instance. Each gateway
 * instance reads the whole topic in a consumer group of its own, so whichever instance holds a
 * browser's connection can update it.
 */
@Component
class CallEventHub {

	private final Sinks.Many<CallEvent> events = Sinks.many().multicast().directBestEffort();

	@KafkaListener(id = "gateway-push", idIsGroup = false, topics = Topics.CALL_EVENTS,
			groupId = "gateway-#{T(java.util.UUID).randomUUID()}",
			properties = "auto.offset.reset=latest")
	void on(CallEvent event) {
		this.events.tryEmitNext(event);
	}

	/**
	 * Each subscriber gets its own buffer: the sink drops an element for a subscriber without
	 * demand, and a browser on a slow connection must not miss the notice that its list changed.
	 */
	Flux<CallEvent> events() {
		return this.events.asFlux().onBackpressureBuffer(1024, BufferOverflowStrategy.DROP_OLDEST);
	}

}
