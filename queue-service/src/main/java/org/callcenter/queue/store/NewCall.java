package org.callcenter.queue.store;

import java.time.Instant;

/**
 * A caller about to join, with the OpenTok session already created for it.
 *
 * @param queue the configured queue it joins
 */
public record NewCall(String id, String name, String reason, CallMode mode, String sessionId, Instant connectDeadline,
		String queue) {
}
