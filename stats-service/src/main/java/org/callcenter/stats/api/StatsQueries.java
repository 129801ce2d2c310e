package org.callcenter.stats.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.callcenter.stats.api.ReportRange.Interval;
import org.callcenter.stats.figures.AgentFigures;
import org.callcenter.stats.figures.AgentStatus;
import org.callcenter.stats.figures.CenterFigures;
import org.callcenter.stats.figures.Figures;
import org.callcenter.stats.figures.Intervals;
import org.callcenter.stats.figures.StatsStores;
import org.callcenter.stats.figures.StatsStores.IntervalFigures;
import org.callcenter.stats.system.StatsProperties;

import org.springframework.stereotype.Service;

/**
 * Turns the stores into the API's answers. Whatever depends on "now" (the longest wait,
 * the time in a state, today in the configured time zone) is worked out here, at the
 * moment of the query, so the stores only change when an event arrives.
 */
@Service
class StatsQueries {

	private final StatsStores stores;

	private final Clock clock;

	private final ZoneId zone;

	StatsQueries(StatsStores stores, Clock clock, StatsProperties properties) {
		this.stores = stores;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	LiveStats live() {
		Instant now = this.clock.instant();
		CenterFigures center = this.stores.center();
		Instant midnight = IntervalSize.DAY.startOf(now, this.zone);
		Figures today = this.stores.intervals(midnight, now.plusMillis(1))
			.stream()
			.map(IntervalFigures::figures)
			.reduce(Figures.NONE, Figures::plus);
		long longestWait = center.waitingSince()
			.values()
			.stream()
			.min(Instant::compareTo)
			.map((since) -> Math.max(0, Duration.between(since, now).toSeconds()))
			.orElse(0L);
		return new LiveStats(now, FigureView.of(today), FigureView.of(center.figures()), center.waitingSince().size(),
				longestWait);
	}

	/** Every agent with a state or figures, by id. */
	List<AgentStats> agents() {
		Instant now = this.clock.instant();
		Map<String, AgentStatus> statuses = this.stores.agentStatuses();
		Map<String, AgentFigures> figures = this.stores.agentFigures();
		Set<String> agentIds = new TreeSet<>(statuses.keySet());
		agentIds.addAll(figures.keySet());
		List<AgentStats> agents = new ArrayList<>();
		for (String agentId : agentIds) {
			AgentStatus status = statuses.get(agentId);
			AgentFigures totals = figures.getOrDefault(agentId, AgentFigures.NONE);
			boolean known = status != null && status.state() != null;
			agents.add(new AgentStats(agentId, known ? status.state() : null, known ? status.awayReason() : null,
					known ? status.since() : null,
					known ? Math.max(0, Duration.between(status.since(), now).toSeconds()) : null, totals.answered(),
					totals.handleMillis() / 1000,
					(totals.answered() > 0) ? totals.handleMillis() / 1000.0 / totals.answered() : null));
		}
		return agents;
	}

	/**
	 * The report range the query parameters ask for (each may be null), in the configured
	 * time zone unless they name one.
	 * @throws InvalidRange for parameters that cannot be read or a bad range
	 */
	ReportRange range(String from, String to, String size, String zone) {
		return ReportRange.of(from, to, size, zone, this.zone, this.clock.instant());
	}

	/**
	 * The intervals of {@code range}, each the sum of the stored quarter hours in it; an
	 * interval without calls is left out.
	 */
	List<IntervalStats> intervals(ReportRange range) {
		List<Interval> quarters = this.stores.intervals(range.start(), range.end())
			.stream()
			.map((quarter) -> new Interval(quarter.start(), quarter.start().plus(Intervals.LENGTH), quarter.figures()))
			.toList();
		return range.sum(quarters)
			.stream()
			.map((interval) -> new IntervalStats(interval.start(), interval.end(), FigureView.of(interval.figures())))
			.toList();
	}

}
