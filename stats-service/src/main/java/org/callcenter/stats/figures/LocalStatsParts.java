package org.callcenter.stats.figures;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The parts this instance's own stores hold. With several instances, a store of which
 * this one holds no partition reads as empty (asked, Kafka Streams would answer that the
 * store "may have migrated").
 */
public final class LocalStatsParts implements StatsParts {

	private final StatsStores stores;

	private final Predicate<String> holds;

	/** Every store, all here (one instance, or the test driver). */
	public LocalStatsParts(StatsStores stores) {
		this(stores, (store) -> true);
	}

	/**
	 * @param holds whether this instance holds a partition of the store of that name
	 */
	public LocalStatsParts(StatsStores stores, Predicate<String> holds) {
		this.stores = stores;
		this.holds = holds;
	}

	@Override
	public CenterFigures center() {
		return this.holds.test(StatsTopology.CENTER_STORE) ? this.stores.center() : CenterFigures.none();
	}

	@Override
	public Map<Instant, QuarterPart> quarters(Instant from, Instant to) {
		Map<Instant, QuarterPart> quarters = new TreeMap<>();
		if (this.holds.test(StatsTopology.INTERVALS_STORE)) {
			this.stores.intervals(from, to)
				.forEach((quarter) -> quarters.merge(quarter.start(), new QuarterPart(quarter.figures(), WrapUps.NONE),
						QuarterPart::plus));
		}
		if (this.holds.test(WrapUpTopology.INTERVAL_WRAP_UPS_STORE)) {
			this.stores.intervalWrapUps(from, to)
				.forEach((start, wrapUps) -> quarters.merge(start, new QuarterPart(Figures.NONE, wrapUps),
						QuarterPart::plus));
		}
		return quarters;
	}

	@Override
	public Map<String, AgentPart> agents() {
		Map<String, AgentPart> agents = new TreeMap<>();
		if (this.holds.test(StatsTopology.AGENT_STATUS_STORE)) {
			this.stores.agentStatuses()
				.forEach(
						(agentId, status) -> agents.merge(agentId, new AgentPart(status, null, null), AgentPart::plus));
		}
		if (this.holds.test(StatsTopology.AGENT_FIGURES_STORE)) {
			this.stores.agentFigures()
				.forEach((agentId, figures) -> agents.merge(agentId, new AgentPart(null, figures, null),
						AgentPart::plus));
		}
		if (this.holds.test(WrapUpTopology.AGENT_WRAP_UPS_STORE)) {
			this.stores.agentWrapUps()
				.forEach((agentId, wrapUps) -> agents.merge(agentId, new AgentPart(null, null, wrapUps),
						AgentPart::plus));
		}
		return agents;
	}

	@Override
	public Map<String, Map<Instant, AgentQuarter>> agentQuarters(Instant from, Instant to) {
		return this.holds.test(AgentQuarterTopology.STORE) ? this.stores.agentQuarters(from, to) : new TreeMap<>();
	}

}
