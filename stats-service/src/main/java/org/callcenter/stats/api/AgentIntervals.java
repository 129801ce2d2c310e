package org.callcenter.stats.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.callcenter.stats.figures.AgentQuarter;
import org.callcenter.stats.figures.StatsParts;
import org.callcenter.stats.system.StatsProperties;

import org.springframework.stereotype.Service;

/**
 * Per-agent figures in time windows, from the stored quarter hours of each agent: a
 * report's intervals (hours and days summed from quarter hours as the center's are,
 * {@link ReportRange}), and one agent's today.
 */
@Service
class AgentIntervals {

	private final StatsParts parts;

	private final Clock clock;

	private final ZoneId zone;

	AgentIntervals(StatsParts parts, Clock clock, StatsProperties properties) {
		this.parts = parts;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	/**
	 * Per agent (by id) with figures in the range: its intervals of {@code range}, by
	 * start; an interval without figures of the agent is left out.
	 */
	List<AgentIntervalStats> intervals(ReportRange range) {
		List<AgentIntervalStats> agents = new ArrayList<>();
		this.parts.agentQuarters(range.start(), range.end()).forEach((agentId, quarters) -> {
			Map<Instant, AgentQuarter> sums = new TreeMap<>();
			quarters.forEach((quarter, part) -> {
				Instant start = range.intervalOf(quarter);
				if (start != null) {
					sums.merge(start, part, AgentQuarter::plus);
				}
			});
			if (!sums.isEmpty()) {
				agents.add(new AgentIntervalStats(agentId,
						sums.entrySet()
							.stream()
							.map((sum) -> new AgentInterval(sum.getKey(), range.endOf(sum.getKey()),
									AgentFigureView.of(sum.getValue())))
							.toList()));
			}
		});
		return agents;
	}

	/**
	 * The agent's figures since midnight in {@code stats.time-zone}: the calls that
	 * reached the center since then, the wrap-ups that began since then.
	 */
	AgentFigureView today(String agentId) {
		Instant now = this.clock.instant();
		Instant midnight = IntervalSize.DAY.startOf(now, this.zone);
		return AgentFigureView.of(this.parts.agentQuarters(midnight, now.plusMillis(1))
			.getOrDefault(agentId, Map.of())
			.values()
			.stream()
			.reduce(AgentQuarter.NONE, AgentQuarter::plus));
	}

}
