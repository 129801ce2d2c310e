package org.callcenter.queue.routing;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.callcenter.queue.store.CallStore;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The queues callers may choose from, with whether each takes calls now. */
@RestController
@Tag(name = "Callers", description = "Dial, follow the call, leave")
class QueuesController {

	private final QueueCatalog catalog;

	private final CallStore store;

	private final Clock clock;

	QueuesController(QueueCatalog catalog, CallStore store, Clock clock) {
		this.catalog = catalog;
		this.store = store;
		this.clock = clock;
	}

	@GetMapping("/api/queues")
	@Operation(summary = "The queues a caller may choose, in order, each with whether it takes calls now and why not")
	QueueChoices queues() {
		Map<String, Long> signedIn = this.store.agentsSignedInPerQueue();
		return new QueueChoices(this.catalog.all()
			.stream()
			.map((queue) -> QueueChoice.of(queue, this.clock.instant(), signedIn.getOrDefault(queue.id(), 0L)))
			.toList());
	}

	record QueueChoices(List<QueueChoice> queues) {
	}

}
