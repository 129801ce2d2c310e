package org.callcenter.queue.agent;

import java.util.List;

/**
 * What an agent's console offers: the away reasons and outcomes to choose from, and the
 * agent's own wrap-up time.
 *
 * @param wrapUpSeconds 0 when the agent has no wrap-up time
 */
record AgentWorkflowSettings(List<String> awayReasons, List<String> outcomes, long wrapUpSeconds) {
}
