package org.callcenter.queue.supervisor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.callcenter.queue.store.CallStore;
import org.callcenter.queue.monitoring.SessionMonitoring;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Supervisor", description = "The whole queue at a glance")
class QueueController {

	private final CallStore store;

	private final SessionMonitoring monitoring;

	QueueController(CallStore store, SessionMonitoring monitoring) {
		this.store = store;
		this.monitoring = monitoring;
	}

	@GetMapping("/api/queue")
	@Operation(summary = "Waiting callers in order, every agent with its callers, every live call, "
			+ "and whether OpenTok's session-monitoring webhooks arrive")
	QueueOverview snapshot() {
		SessionMonitoring.Status status = this.monitoring.status();
		return new QueueOverview(this.store.snapshot(),
				new QueueOverview.SessionMonitoringNotice(status.callbacksArriving(), status.detail()));
	}

}
