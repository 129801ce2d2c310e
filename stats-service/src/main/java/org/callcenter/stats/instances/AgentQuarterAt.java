package org.callcenter.stats.instances;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.callcenter.stats.figures.AgentQuarter;

/**
 * One agent's quarter hour on the wire between instances (a list: no instants as JSON
 * keys).
 */
record AgentQuarterAt(String agentId, Instant start, AgentQuarter part) {

	static List<AgentQuarterAt> list(Map<String, Map<Instant, AgentQuarter>> agents) {
		List<AgentQuarterAt> list = new ArrayList<>();
		agents.forEach((agentId, quarters) -> quarters
			.forEach((start, part) -> list.add(new AgentQuarterAt(agentId, start, part))));
		return list;
	}

	/** Adds this part to {@code agents}, to what is there already. */
	void addTo(Map<String, Map<Instant, AgentQuarter>> agents) {
		agents.computeIfAbsent(this.agentId, (agentId) -> new TreeMap<>())
			.merge(this.start, this.part, AgentQuarter::plus);
	}

}
