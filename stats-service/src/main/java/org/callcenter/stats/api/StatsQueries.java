package org.callcenter.stats.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.callcenter.stats.figures.AgentFigures;
import org.callcenter.stats.figures.AgentStatus;
import org.callcenter.stats.figures.CenterFigures;
import org.callcenter.stats.figures.Figures;
import org.callcenter.stats.figures.Intervals;
import org.callcenter.stats.figures.StatsStores;
import org.callcenter.stats.figures.StatsStores.IntervalFigures;

import org.springframework.stereotype.Service;

/**
 * Turns the stores into the API's answers. Whatever depends on "now" (the longest wait,
 * the time in a state, today) is worked out here, at the moment of the query, so the
 * stores only change when an event arrives.
 */
@Service
class StatsQueries {

	/** A year of quarter hours at most in one report (35,040 rows). */
	static final Duration LONGEST_RANGE = Duration.ofDays(366);

	private final StatsStores stores;

	private final Clock clock;

	StatsQueries(StatsStores stores, Clock clock) {
		this.stores = stores;
		this.clock = clock;
	}

	LiveStats live() {
		Instant now = this.clock.instant();
		CenterFigures center = this.stores.center();
		Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
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
	 * The quarter hours from the one {@code from} falls in up to (not including) the one
	 * starting at {@code to}; an interval without calls is left out. Both default to
	 * today (UTC) so far.
	 */
	List<IntervalStats> intervals(Instant from, Instant to) {
		Instant now = this.clock.instant();
		Instant start = Intervals.startOf((from != null) ? from : now.truncatedTo(ChronoUnit.DAYS));
		Instant end = (to != null) ? to : now.plusMillis(1);
		if (!start.isBefore(end)) {
			throw new InvalidRange("'from' must be before 'to'.");
		}
		if (Duration.between(start, end).compareTo(LONGEST_RANGE) > 0) {
			throw new InvalidRange("A report covers at most " + LONGEST_RANGE.toDays() + " days.");
		}
		return this.stores.intervals(start, end)
			.stream()
			.map((interval) -> new IntervalStats(interval.start(), interval.start().plus(Intervals.LENGTH),
					FigureView.of(interval.figures())))
			.toList();
	}

}
