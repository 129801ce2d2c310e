package org.callcenter.stats.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agent's own figures, for its console: the gateway forwards any signed-in agent's
 * {@code /api/agent/stats} here as {@code /api/agents/<agent>/stats}, signed as that
 * agent, and only that agent's identity reads them (the other agents' figures are for
 * supervisors, {@link StatsController}).
 */
@RestController
class OwnFiguresController {

	private final StatsQueries queries;

	private final AgentIntervals agentIntervals;

	OwnFiguresController(StatsQueries queries, AgentIntervals agentIntervals) {
		this.queries = queries;
		this.agentIntervals = agentIntervals;
	}

	/**
	 * The agent's state and totals, and its figures today; zeros for an agent with no
	 * calls yet.
	 */
	@GetMapping("/api/agents/{agentId}/stats")
	OwnStats mine(@PathVariable String agentId, @RequestAttribute(AccessControl.AGENT_ID) String signedIn) {
		if (!agentId.equals(signedIn)) {
			throw new NotYourFigures();
		}
		AgentStats totals = this.queries.agents()
			.stream()
			.filter((agent) -> agent.agentId().equals(agentId))
			.findFirst()
			.orElseGet(() -> new AgentStats(agentId, null, null, null, null, 0, 0, null, 0, 0));
		return new OwnStats(totals, this.agentIntervals.today(agentId));
	}

}
