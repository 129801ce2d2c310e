package org.callcenter.stats.api;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures, for supervisors: the gateway forwards only their requests, signed
 * ({@link AccessControl}).
 */
@RestController
@RequestMapping("/api/stats")
class StatsController {

	private final StatsQueries queries;

	StatsController(StatsQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/live")
	LiveStats live() {
		return this.queries.live();
	}

	@GetMapping("/agents")
	List<AgentStats> agents() {
		return this.queries.agents();
	}

	/**
	 * {@code from} and {@code to} are ISO-8601 instants, for example
	 * 2026-11-26T00:00:00Z.
	 */
	@GetMapping("/intervals")
	List<IntervalStats> intervals(@RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to) {
		return this.queries.intervals(from, to);
	}

}
