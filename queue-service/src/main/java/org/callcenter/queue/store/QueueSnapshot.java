package org.callcenter.queue.store;

import java.util.List;

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
	 * @param rankedLoad the load assignment ranks the agent by (null while offline);
	 * always equal to the number of {@code callIds}
	 */
	public record AgentSlot(String id, String displayName, boolean online, String activeCallId, Integer rankedLoad,
			List<String> callIds) {
	}

}
