package org.callcenter.queue.store;

import java.util.Map;

/**
 * What a caller's page needs, besides its call, to estimate how long it waits: read with
 * the call in the same step ({@code call.lua}).
 *
 * @param agentsServing the agents online and {@code AVAILABLE} or in {@code WRAP_UP} (not
 * {@code AWAY}): those the waiting line is shared among
 * @param averageHandleMs the recency-weighted average talk + hold time of the calls
 * agents took, as they ended; null before any did
 * @param aheadWithAgent while the call is {@code ASSIGNED} or {@code OFFERED}: how many
 * of its agent's other callers it serves first (the calls it has taken, and those given
 * to it earlier that wait to be taken); null otherwise
 */
public record WaitFigures(int agentsServing, Long averageHandleMs, Integer aheadWithAgent) {

	static WaitFigures from(Map<String, String> fields) {
		String average = fields.get("averageHandleMs");
		String ahead = fields.get("aheadWithAgent");
		return new WaitFigures(Integer.parseInt(fields.getOrDefault("agentsServing", "0")),
				(average != null) ? Long.valueOf(average) : null, (ahead != null) ? Integer.valueOf(ahead) : null);
	}

}
