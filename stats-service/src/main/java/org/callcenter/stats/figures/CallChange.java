package org.callcenter.stats.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.kafka.streams.KeyValue;

/**
 * One call's summary before and after an event: what the figures add is the difference of
 * the two's contributions, so a call counts once however many events it has, and a
 * summary dropped later (see {@link CallSummaries}) takes nothing away.
 */
public record CallChange(CallSummary before, CallSummary after) {

	public CallChange {
		before = (before != null) ? before : CallSummary.none();
		after = (after != null) ? after : CallSummary.none();
	}

	/**
	 * The change of the call's part in the figures of its interval (and the center's).
	 */
	Figures figures() {
		return this.after.figures().minus(this.before.figures());
	}

	/**
	 * The start of the interval the call belongs to: the one it reached the center in.
	 */
	long intervalStart() {
		return Intervals.startOf(this.after.firstAt()).toEpochMilli();
	}

	/** Per agent (by id) whose part in the call changed: the change. */
	List<KeyValue<String, AgentFigures>> agentChanges() {
		Map<String, Long> was = this.before.agentMillis();
		Map<String, Long> is = this.after.agentMillis();
		TreeSet<String> agents = new TreeSet<>(was.keySet());
		agents.addAll(is.keySet());
		List<KeyValue<String, AgentFigures>> changes = new ArrayList<>();
		for (String agentId : agents) {
			long answered = (is.containsKey(agentId) ? 1 : 0) - (was.containsKey(agentId) ? 1 : 0);
			long millis = is.getOrDefault(agentId, 0L) - was.getOrDefault(agentId, 0L);
			if (answered != 0 || millis != 0) {
				changes.add(KeyValue.pair(agentId, new AgentFigures(answered, millis)));
			}
		}
		return changes;
	}

}
