package org.callcenter.stats.figures;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.Topics;

/**
 * The statistics as a Kafka Streams topology.
 *
 * <pre>
 * call-events ─► per call: CallSummary (seq repeats dropped) ─┬─► "center":  CenterFigures
 *                                                             ├─► interval:  Figures
 *                                                             └─► per (call, agent): AgentShare ─► per agent: AgentFigures
 * agent-events ─► per agent: AgentStatus (seq repeats dropped)
 *              └─► wrap-ups ({@link WrapUpTopology})
 * </pre>
 *
 * Every figure is a table re-grouped from the call summaries with an adder and a
 * subtractor: when a call's summary changes (answered, then ended), Kafka Streams takes
 * the old summary's contribution away and adds the new one's, so a call is counted once
 * however many events it has. All tables are named stores, queried by the REST API, and
 * backed by changelog topics, so the figures survive a restart.
 */
public final class StatsTopology {

	/** Per call id: {@link CallSummary}. */
	public static final String CALLS_STORE = "call-summaries";

	/** One key, {@link #CENTER_KEY}: {@link CenterFigures}. */
	public static final String CENTER_STORE = "center-figures";

	/**
	 * Per interval start (epoch milliseconds, see {@link Intervals}): {@link Figures} of
	 * the calls that reached the center in it.
	 */
	public static final String INTERVALS_STORE = "interval-figures";

	/** Per agent id: {@link AgentFigures}. */
	public static final String AGENT_FIGURES_STORE = "agent-figures";

	/** Per agent id: {@link AgentStatus}. */
	public static final String AGENT_STATUS_STORE = "agent-status";

	/** The one key of {@link #CENTER_STORE}. */
	public static final String CENTER_KEY = "center";

	private final ServiceLevelRules rules;

	public StatsTopology(ServiceLevelRules rules) {
		this.rules = rules;
	}

	public void addTo(StreamsBuilder builder) {
		KTable<String, CallSummary> calls = builder
			.stream(Topics.CALL_EVENTS, Consumed.with(Serdes.String(), new JsonSerde<>(CallEvent.class)))
			.filter((callId, event) -> event != null && event.callId() != null)
			.groupByKey()
			.aggregate(CallSummary::none, (callId, event, summary) -> summary.apply(event, this.rules),
					StatsTopology.<String, CallSummary>store(CALLS_STORE, Serdes.String(), CallSummary.class));

		calls.groupBy((callId, call) -> KeyValue.pair(CENTER_KEY, call), grouped("center"))
			.aggregate(CenterFigures::none, (key, call, center) -> center.plus(call),
					(key, call, center) -> center.minus(call),
					StatsTopology.<String, CenterFigures>store(CENTER_STORE, Serdes.String(), CenterFigures.class));

		calls
			.groupBy((callId, call) -> KeyValue.pair(Intervals.startOf(call.firstAt()).toEpochMilli(), call),
					Grouped.with("interval", Serdes.Long(), new JsonSerde<>(CallSummary.class)))
			.aggregate(() -> Figures.NONE, (start, call, figures) -> figures.plus(call.figures()),
					(start, call, figures) -> figures.minus(call.figures()),
					StatsTopology.<Long, Figures>store(INTERVALS_STORE, Serdes.Long(), Figures.class));

		// a call may have several agents (a take-over), and a table maps each row to one
		// row: so first one row per (call, agent), then those grouped by agent
		calls.toStream()
			.flatMap((callId, call) -> shares(callId, call))
			.toTable(Materialized.with(Serdes.String(), new JsonSerde<>(AgentShare.class)))
			.groupBy((callAndAgent, share) -> KeyValue.pair(share.agentId(), share),
					Grouped.with("agent", Serdes.String(), new JsonSerde<>(AgentShare.class)))
			.aggregate(() -> AgentFigures.NONE, (agentId, share, figures) -> figures.plus(share),
					(agentId, share, figures) -> figures.minus(share), StatsTopology
						.<String, AgentFigures>store(AGENT_FIGURES_STORE, Serdes.String(), AgentFigures.class));

		KStream<String, AgentEvent> agentEvents = builder
			.stream(Topics.AGENT_EVENTS, Consumed.with(Serdes.String(), new JsonSerde<>(AgentEvent.class)))
			.filter((agentId, event) -> event != null && event.agentId() != null);
		agentEvents.groupByKey()
			.aggregate(AgentStatus::none, (agentId, event, status) -> status.apply(event),
					StatsTopology.<String, AgentStatus>store(AGENT_STATUS_STORE, Serdes.String(), AgentStatus.class));
		WrapUpTopology.addTo(agentEvents);
	}

	private static List<KeyValue<String, AgentShare>> shares(String callId, CallSummary call) {
		List<KeyValue<String, AgentShare>> shares = new ArrayList<>();
		if (call != null) {
			call.agentMillis()
				.forEach((agentId, millis) -> shares
					.add(KeyValue.pair(callId + "/" + agentId, new AgentShare(agentId, millis))));
		}
		return shares;
	}

	private static Grouped<String, CallSummary> grouped(String name) {
		return Grouped.with(name, Serdes.String(), new JsonSerde<>(CallSummary.class));
	}

	private static <K, V> Materialized<K, V, KeyValueStore<Bytes, byte[]>> store(String name, Serde<K> keys,
			Class<V> type) {
		return Materialized.<K, V, KeyValueStore<Bytes, byte[]>>as(name)
			.withKeySerde(keys)
			.withValueSerde(new JsonSerde<>(type));
	}

}
