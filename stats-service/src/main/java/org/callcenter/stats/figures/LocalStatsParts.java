package org.callcenter.stats.figures;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The parts this instance's own stores hold. */
public final class LocalStatsParts implements StatsParts {

	private final StatsStores stores;

	public LocalStatsParts(StatsStores stores) {
		this.stores = stores;
	}

	@Override
	public CenterFigures center() {
		return this.stores.center();
	}

	@Override
	public Map<Instant, QuarterPart> quarters(Instant from, Instant to) {
		Map<Instant, QuarterPart> quarters = new TreeMap<>();
		this.stores.intervals(from, to)
			.forEach((quarter) -> quarters.merge(quarter.start(), new QuarterPart(quarter.figures(), WrapUps.NONE),
					QuarterPart::plus));
		this.stores.intervalWrapUps(from, to)
			.forEach((start, wrapUps) -> quarters.merge(start, new QuarterPart(Figures.NONE, wrapUps),
					QuarterPart::plus));
		return quarters;
	}

	@Override
	public Map<String, AgentPart> agents() {
		Map<String, AgentPart> agents = new TreeMap<>();
		this.stores.agentStatuses()
			.forEach((agentId, status) -> agents.merge(agentId, new AgentPart(status, null, null), AgentPart::plus));
		this.stores.agentFigures()
			.forEach((agentId, figures) -> agents.merge(agentId, new AgentPart(null, figures, null), AgentPart::plus));
		this.stores.agentWrapUps()
			.forEach((agentId, wrapUps) -> agents.merge(agentId, new AgentPart(null, null, wrapUps), AgentPart::plus));
		return agents;
	}

}
