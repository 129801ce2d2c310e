package org.callcenter.stats.figures;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

import org.callcenter.contracts.agents.AgentEvent;

/**
 * The wrap-up part of the handle time, from the agent events:
 *
 * <pre>
 * agent-events ─► per agent: WrapUpClock ─► finished WrapUps ─┬─► per agent: WrapUps
 *                                                            └─► per quarter hour it began in: WrapUps
 * </pre>
 *
 * Each finished wrap-up is added once (its clock emits it on the one event that finished
 * it; the clock's store is not cached, so no emission is folded into a later one). The
 * center's total is the sum of the agents' (few keys), today's the sum of today's quarter
 * hours. A wrap-up belongs to the interval it began in (the end of its call), not to the
 * one the call reached the center in: the agent events do not name the call.
 */
public final class WrapUpTopology {

	/** Per agent id: {@link WrapUpClock}. */
	public static final String CLOCKS_STORE = "wrap-up-clocks";

	/** Per agent id: {@link WrapUps} finished. */
	public static final String AGENT_WRAP_UPS_STORE = "agent-wrap-ups";

	/**
	 * Per quarter-hour start (epoch milliseconds, see {@link Intervals}): {@link WrapUps}
	 * that began in it.
	 */
	public static final String INTERVAL_WRAP_UPS_STORE = "interval-wrap-ups";

	private WrapUpTopology() {
	}

	/**
	 * Adds the wrap-up stores, fed by the agent events (keyed by agent id).
	 * @return the finished wrap-ups, keyed by agent id (for the agents' quarter hours,
	 * {@link AgentQuarterTopology})
	 */
	public static KStream<String, WrapUp> addTo(KStream<String, AgentEvent> agentEvents) {
		KStream<String, WrapUp> finished = agentEvents
			.groupByKey(Grouped.with(Serdes.String(), new JsonSerde<>(AgentEvent.class)))
			.aggregate(WrapUpClock::none, (agentId, event, clock) -> clock.apply(event),
					Materialized.<String, WrapUpClock, KeyValueStore<Bytes, byte[]>>as(CLOCKS_STORE)
						.withKeySerde(Serdes.String())
						.withValueSerde(new JsonSerde<>(WrapUpClock.class))
						.withCachingDisabled())
			.toStream()
			.flatMapValues((clock) -> (clock != null && clock.finished() != null) ? List.of(clock.finished())
					: List.<WrapUp>of());

		finished.groupByKey(Grouped.with(Serdes.String(), new JsonSerde<>(WrapUp.class)))
			.aggregate(() -> WrapUps.NONE, (agentId, wrapUp, sum) -> sum.plus(wrapUp),
					store(AGENT_WRAP_UPS_STORE, Serdes.String()));

		finished.map((agentId, wrapUp) -> KeyValue.pair(Intervals.startOf(wrapUp.startedAt()).toEpochMilli(), wrapUp))
			.groupByKey(Grouped.with("wrap-up-interval", Serdes.Long(), new JsonSerde<>(WrapUp.class)))
			.aggregate(() -> WrapUps.NONE, (start, wrapUp, sum) -> sum.plus(wrapUp),
					store(INTERVAL_WRAP_UPS_STORE, Serdes.Long()));
		return finished;
	}

	private static <K> Materialized<K, WrapUps, KeyValueStore<Bytes, byte[]>> store(String name,
			org.apache.kafka.common.serialization.Serde<K> keys) {
		return Materialized.<K, WrapUps, KeyValueStore<Bytes, byte[]>>as(name)
			.withKeySerde(keys)
			.withValueSerde(new JsonSerde<>(WrapUps.class));
	}

}
