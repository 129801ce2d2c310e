package org.callcenter.stats.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.callcenter.stats.api.ReportRange.Interval;
import org.callcenter.stats.figures.AgentFigures;
import org.callcenter.stats.figures.AgentStatus;
import org.callcenter.stats.figures.CenterFigures;
import org.callcenter.stats.figures.Intervals;
import org.callcenter.stats.figures.StatsParts;
import org.callcenter.stats.figures.StatsParts.AgentPart;
import org.callcenter.stats.figures.StatsParts.QuarterPart;
import org.callcenter.stats.figures.WrapUps;
import org.callcenter.stats.system.StatsProperties;

import org.springframework.stereotype.Service;

/**
 * Turns the stores into the API's answers. Whatever depends on "now" (the longest wait,
 * the time in a state, today in the configured time zone) is worked out here, at the
 * moment of the query, so the stores only change when an event arrives.
 */
@Service
class StatsQueries {

	private final StatsParts parts;

	private final Clock clock;

	private final ZoneId zone;

	StatsQueries(StatsParts parts, Clock clock, StatsProperties properties) {
		this.parts = parts;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	LiveStats live() {
		Instant now = this.clock.instant();
		CenterFigures center = this.parts.center();
		Instant midnight = IntervalSize.DAY.startOf(now, this.zone);
		QuarterPart today = this.parts.quarters(midnight, now.plusMillis(1))
			.values()
			.stream()
			.reduce(QuarterPart.NONE, QuarterPart::plus);
		WrapUps allWrapUps = this.parts.agents()
			.values()
			.stream()
			.map(AgentPart::wrapUps)
			.reduce(WrapUps.NONE, WrapUps::plus);
		long longestWait = center.waitingSince()
			.values()
			.stream()
			.min(Instant::compareTo)
			.map((since) -> Math.max(0, Duration.between(since, now).toSeconds()))
			.orElse(0L);
		return new LiveStats(now, FigureView.of(today.figures(), today.wrapUps()),
				FigureView.of(center.figures(), allWrapUps), center.waitingSince().size(), longestWait);
	}

	/** Every agent with a state or figures, by id. */
	List<AgentStats> agents() {
		Instant now = this.clock.instant();
		List<AgentStats> agents = new ArrayList<>();
		this.parts.agents().forEach((agentId, part) -> {
			AgentStatus status = part.status();
			AgentFigures totals = part.figures();
			boolean known = status != null && status.state() != null;
			long handleMillis = totals.handleMillis() + part.wrapUps().millis();
			agents.add(new AgentStats(agentId, known ? status.state() : null, known ? status.awayReason() : null,
					known ? status.since() : null,
					known ? Math.max(0, Duration.between(status.since(), now).toSeconds()) : null, totals.answered(),
					handleMillis / 1000, (totals.answered() > 0) ? handleMillis / 1000.0 / totals.answered() : null,
					part.wrapUps().count(), part.wrapUps().millis() / 1000));
		});
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
		List<Interval> quarters = this.parts.quarters(range.start(), range.end())
			.entrySet()
			.stream()
			.map((quarter) -> new Interval(quarter.getKey(), quarter.getKey().plus(Intervals.LENGTH),
					quarter.getValue()))
			.toList();
		return range.sum(quarters)
			.stream()
			.map((interval) -> new IntervalStats(interval.start(), interval.end(),
					FigureView.of(interval.part().figures(), interval.part().wrapUps())))
			.toList();
	}

}
