package org.callcenter.queue.store;

import java.util.List;
import java.util.Map;

import org.callcenter.contracts.agents.AgentState;

/**
 * The whole queue at one instant.
 *
 * @param pendingCallIds waiting calls, next to be served first
 * @param agents every agent that was ever online
 * @param liveCalls every call that has not ended
 */
public record QueueSnapshot(List<String> pendingCallIds, List<AgentSlot> agents, List<Call> liveCalls) {

	/**
	 * An agent and its assigned calls.
	 *
	 * @param state whether the agent takes new callers
	 * @param awayReason why the agent is away, if it is
	 * @param rankedLoad the load assignment ranks the agent by, present exactly while the
	 * agent is {@code AVAILABLE} and not asked to join a colleague's call; always equal
	 * to the number of {@code callIds}
	 * @param consultingCallId the colleague's call the agent is asked to join (a warm
	 * transfer), if any
	 * @param skills the queues the agent serves, each with its level (1 = primary, 2 =
	 * backup)
	 */
	public record AgentSlot(String id, String displayName, boolean online, AgentState state, String awayReason,
			String activeCallId, Integer rankedLoad, List<String> callIds, String consultingCallId,
			Map<String, Integer> skills) {
	}

}
