package org.callcenter.queue.supervisor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.callcenter.queue.store.CallStore;

import org.springframework.stereotype.Component;

/**
 * Queue length as a gauge, read from Redis when scraped, so every instance reports the
 * shared queue.
 */
@Component
class QueueMetrics {

	QueueMetrics(CallStore store, MeterRegistry meters) {
		Gauge.builder("callcenter.queue.waiting", store, CallStore::waitingCount)
			.description("Callers waiting for an agent")
			.register(meters);
	}

}
