package org.callcenter.queue.store;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How one agent is given callers and what follows its calls, fixed when it goes online.
 *
 * @param wrapUp how long it takes no new callers after a call it talked on; zero for no
 * wrap-up
 * @param offerTimeout how long it has to answer a caller offered to it; zero when callers
 * are assigned to it without an offer
 * @param missedOffersBeforeAway offers it may leave unanswered in a row before it is made
 * away; 0 for never
 * @param skills the queues it serves, each with its level (1 = primary, 2 = backup)
 */
public record AgentTerms(Duration wrapUp, Duration offerTimeout, int missedOffersBeforeAway,
		Map<String, Integer> skills) {

	public AgentTerms {
		skills = Map.copyOf(skills);
	}

	/** Skills as the scripts keep them ({@link #skillsArgument()}), read back. */
	public static Map<String, Integer> parseSkills(String written) {
		Map<String, Integer> skills = new TreeMap<>();
		if (written != null && !written.isEmpty()) {
			for (String pair : written.split(",")) {
				int colon = pair.lastIndexOf(':');
				skills.put(pair.substring(0, colon), Integer.valueOf(pair.substring(colon + 1)));
			}
		}
		return skills;
	}

	/**
	 * The skills as the scripts take them: {@code queue:level} pairs, comma-separated, in
	 * a stable order.
	 */
	public String skillsArgument() {
		return new TreeMap<>(this.skills).entrySet()
			.stream()
			.map((skill) -> skill.getKey() + ":" + skill.getValue())
			.collect(Collectors.joining(","));
	}

}
