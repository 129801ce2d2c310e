package org.callcenter.queue.supervisor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.callcenter.queue.store.CallStore;
import org.callcenter.queue.store.QueueSnapshot;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Supervisor", description = "The whole queue at a glance")
class QueueController {

	private final CallStore store;

	QueueController(CallStore store) {
		this.store = store;
	}

	@GetMapping("/api/queue")
	@Operation(summary = "Waiting callers in order, every agent with its callers, every live call")
	QueueSnapshot snapshot() {
		return this.store.snapshot();
	}

}
