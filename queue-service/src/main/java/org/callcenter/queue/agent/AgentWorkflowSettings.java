package org.callcenter.queue.agent;

import java.util.List;

/**
 * What an agent's console offers: the away reasons and outcomes to choose from, and the
 * agent's own wrap-up and offer times.
 *
 * @param wrapUpSeconds 0 when the agent has no wrap-up time
 * @param offerSeconds how long an offer rings; 0 when callers are assigned to the agent
 * without an offer
 * @param missesBeforeAway offers the agent may miss in a row before it is made away; 0
 * for never
 */
record AgentWorkflowSettings(List<String> awayReasons, List<String> outcomes, long wrapUpSeconds, long offerSeconds,
		int missesBeforeAway) {
}
