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
	 * {@code from} and {@code to}: ISO-8601 instants (2026-11-26T00:00:00Z), date-times
	 * or dates in {@code zone}; {@code size}: PT15M (default), PT1H or P1D; {@code zone}:
	 * a time zone id (default {@code stats.time-zone}).
	 */
	@GetMapping("/intervals")
	List<IntervalStats> intervals(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String size,
			@RequestParam(required = false) String zone) {
		return this.queries.intervals(this.queries.range(from, to, size, zone));
	}

	/**
	 * The same intervals as a CSV file to download: one header row, one row per interval.
	 * The supervisor dashboard links here with the parameters of {@link #intervals}.
	 */
	@GetMapping("/intervals.csv")
	ResponseEntity<String> intervalsCsv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String size,
			@RequestParam(required = false) String zone) {
		ReportRange range = this.queries.range(from, to, size, zone);
		return ResponseEntity.ok()
			.contentType(IntervalsCsv.MEDIA_TYPE)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(range.fileName()).build().toString())
			.body(IntervalsCsv.write(this.queries.intervals(range), range.zone()));
	}

}
