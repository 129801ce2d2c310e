package org.callcenter.stats.api;

import java.util.List;

/** One agent's intervals of a report, by start; those without figures are left out. */
record AgentIntervalStats(String agentId, List<AgentInterval> intervals) {

}
