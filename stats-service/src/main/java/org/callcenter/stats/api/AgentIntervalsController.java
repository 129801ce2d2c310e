package org.callcenter.stats.api;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agents' figures per interval, for supervisors (the gateway forwards only their
 * requests, signed, {@link AccessControl}): the parameters and their checks are those of
 * the center's {@code /api/stats/intervals} ({@link ReportRange}).
 */
@RestController
@RequestMapping("/api/stats/agents")
class AgentIntervalsController {

	private final StatsQueries queries;

	private final AgentIntervals agentIntervals;

	AgentIntervalsController(StatsQueries queries, AgentIntervals agentIntervals) {
		this.queries = queries;
		this.agentIntervals = agentIntervals;
	}

	@GetMapping("/intervals")
	List<AgentIntervalStats> intervals(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String size,
			@RequestParam(required = false) String zone) {
		return this.agentIntervals.intervals(this.queries.range(from, to, size, zone));
	}

	/** The same as a CSV file to download: one row per agent and interval. */
	@GetMapping("/intervals.csv")
	ResponseEntity<String> intervalsCsv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String size,
			@RequestParam(required = false) String zone) {
		ReportRange range = this.queries.range(from, to, size, zone);
		return ResponseEntity.ok()
			.contentType(IntervalsCsv.MEDIA_TYPE)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(range.fileName("callcenter-agents")).build().toString())
			.body(AgentIntervalsCsv.write(this.agentIntervals.intervals(range), range.zone()));
	}

}
