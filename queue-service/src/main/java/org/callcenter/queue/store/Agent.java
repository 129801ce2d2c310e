package org.callcenter.queue.store;

import java.util.Map;

/**
 * An agent as stored in Redis.
 *
 * @param activeCallId the call the agent is talking on, if any
 * @param load how many callers are assigned to the agent
 */
public record Agent(String id, String displayName, boolean online, String activeCallId, int load) {

	static Agent from(Map<String, String> fields) {
		return new Agent(fields.get("id"), fields.get("displayName"), "1".equals(fields.get("online")),
				fields.get("activeCall"), Integer.parseInt(fields.getOrDefault("load", "0")));
	}

}
