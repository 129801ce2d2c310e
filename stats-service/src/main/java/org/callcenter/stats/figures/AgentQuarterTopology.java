package org.callcenter.stats.figures;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per agent and quarter hour: {@link AgentQuarter}, fed as the agents' totals are.
 *
 * <pre>
 * CallChange ─► per agent whose share changed ─► (quarter of the call's first event, agent) ─┐
 * finished WrapUp ─► (quarter it began in, agent) ─────────────────────────────────────────┴─► AgentQuarter
 * </pre>
 *
 * A call's share belongs to the quarter hour the call reached the center in, as the
 * center's intervals do (also when it is answered or ends in a later one); a wrap-up to
 * the quarter hour it began in. Each side is repartitioned by the store's key on its own
 * (named topics) and then merged, so the call and agent sub-topologies stay as they are.
 * Should the two event topics ever have different partition counts, one key could land in
 * two partitions of the store; its readers add up what they find under a key
 * ({@link StatsStores#agentQuarters}), so the sums stay right.
 */
public final class AgentQuarterTopology {

	/**
	 * Per quarter-hour start and agent id ({@link AgentQuarterKey}):
	 * {@link AgentQuarter}.
	 */
	public static final String STORE = "agent-quarter-figures";

	private AgentQuarterTopology() {
	}

	/**
	 * Adds the store, fed by the calls' changes (keyed by call id) and the finished
	 * wrap-ups (keyed by agent id).
	 */
	static void addTo(KStream<String, CallChange> changes, KStream<String, WrapUp> wrapUps) {
		JsonSerde<AgentQuarter> values = new JsonSerde<>(AgentQuarter.class);
		KStream<String, AgentQuarter> callShares = changes.flatMap((callId, change) -> callShares(change))
			.repartition(Repartitioned.with(Serdes.String(), values).withName("agent-quarter-calls"));
		KStream<String, AgentQuarter> finishedWrapUps = wrapUps
			.map((agentId, wrapUp) -> KeyValue.pair(
					new AgentQuarterKey(Intervals.startOf(wrapUp.startedAt()), agentId).encoded(),
					AgentQuarter.of(wrapUp)))
			.repartition(Repartitioned.with(Serdes.String(), values).withName("agent-quarter-wrap-ups"));
		callShares.merge(finishedWrapUps)
			.groupByKey(Grouped.with(Serdes.String(), values))
			.aggregate(() -> AgentQuarter.NONE, (key, change, sum) -> sum.plus(change),
					Materialized.<String, AgentQuarter, KeyValueStore<Bytes, byte[]>>as(STORE)
						.withKeySerde(Serdes.String())
						.withValueSerde(values));
	}

	private static List<KeyValue<String, AgentQuarter>> callShares(CallChange change) {
		List<KeyValue<String, AgentFigures>> agents = change.agentChanges();
		if (agents.isEmpty()) {
			return List.of();
		}
		Instant quarter = Instant.ofEpochMilli(change.intervalStart());
		return agents.stream()
			.map((agent) -> KeyValue.pair(new AgentQuarterKey(quarter, agent.key).encoded(),
					AgentQuarter.of(agent.value)))
			.toList();
	}

}
