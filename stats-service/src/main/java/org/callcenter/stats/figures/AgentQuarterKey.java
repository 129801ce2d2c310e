package org.callcenter.stats.figures;

import java.time.Instant;
import java.util.Locale;

/**
 * The key of {@link AgentQuarterTopology#STORE} as stored: the quarter hour's start in
 * epoch milliseconds, 13 digits with leading zeros (so that the stored bytes sort in time
 * order until the year 2286), then {@code |} and the agent id. The time comes first so
 * that a report reads one contiguous range of the store for every agent; one agent's
 * quarter hours of a day are a few among the other agents' (at most 96 per agent).
 */
record AgentQuarterKey(Instant start, String agentId) {

	private static final char SEPARATOR = '|';

	String encoded() {
		return bound(this.start) + SEPARATOR + this.agentId;
	}

	/**
	 * The key of {@code encoded}: the agent id is everything after the first separator,
	 * so any id reads back whole.
	 */
	static AgentQuarterKey decode(String encoded) {
		int separator = encoded.indexOf(SEPARATOR);
		return new AgentQuarterKey(Instant.ofEpochMilli(Long.parseLong(encoded.substring(0, separator))),
				encoded.substring(separator + 1));
	}

	/**
	 * A bound for a range of the store: it sorts after every key of a quarter hour before
	 * {@code at} and before every key of the quarter hour from {@code at} (a key is never
	 * equal to it: keys have an agent id).
	 */
	static String bound(Instant at) {
		// Locale.ROOT: ASCII digits whatever the default locale
		return String.format(Locale.ROOT, "%013d", at.toEpochMilli());
	}

}
