package org.callcenter.queue.system;

import java.util.UUID;

/**
 * What ids in paths look like; anything else is rejected with 400 before it reaches
 * Redis. Also makes the call ids.
 */
public final class Ids {

	/** Call ids are UUIDs made by queue-service. */
	public static final String CALL_ID = "[0-9a-fA-F-]{36}";

	/**
	 * Agent ids are chosen by whoever authenticates agents (the gateway): short and
	 * URL-safe.
	 */
	public static final String AGENT_ID = "[A-Za-z0-9._@-]{1,64}";

	private Ids() {
	}

	/**
	 * A new call id: for a dial that makes its call's credentials, and for the entries of
	 * the session pool, made ahead of the dials that take them.
	 */
	public static String newCallId() {
		return UUID.randomUUID().toString();
	}

}
