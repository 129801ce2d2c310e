package org.callcenter.stats.figures;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.Topics;

/**
 * The statistics as a Kafka Streams topology.
 *
 * <pre>
 * call-events ─► per call: CallSummary (seq repeats dropped) ─► CallChange (before, after) ─┬─► "center":  CenterFigures
 *                                                                                          ├─► interval:  Figures
 *                                                                                          ├─► per agent: AgentFigures
 *                                                                                          └─► per agent and quarter hour ({@link AgentQuarterTopology})
 * agent-events ─► per agent: AgentStatus (seq repeats dropped)
 *              └─► wrap-ups ({@link WrapUpTopology}) ─► also per agent and quarter hour
 * </pre>
 *
 * Every figure adds up the changes of the calls' contributions ({@link CallChange}: the
 * new summary's part minus the old one's), so a call is counted once however many events
 * it has, and an ended call's summary can be dropped after a while without changing any
 * figure ({@link CallSummaries}). All stores are named, queried by the REST API, and
 * backed by changelog topics, so the figures survive a restart.
 */
public final class StatsTopology {

	/**
	 * Per call id: {@link CallSummary}; an ended call's is dropped after the summary
	 * retention.
	 */
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

	/** How long an ended call's summary is kept by default: see {@link CallSummaries}. */
	public static final Duration DEFAULT_SUMMARY_RETENTION = Duration.ofDays(7);

	private final ServiceLevelRules rules;

	private final Duration summaryRetention;

	private final FigureChanges changes;

	public StatsTopology(ServiceLevelRules rules) {
		this(rules, DEFAULT_SUMMARY_RETENTION);
	}

	/**
	 * @param summaryRetention how long after its end (in event time) a call's summary is
	 * kept: longer than any event of the call can come after its end
	 */
	public StatsTopology(ServiceLevelRules rules, Duration summaryRetention) {
		this(rules, summaryRetention, FigureChanges.NONE);
	}

	/** The topology that also tells {@code changes} which figures changed. */
	public StatsTopology(ServiceLevelRules rules, Duration summaryRetention, FigureChanges changes) {
		this.rules = rules;
		this.summaryRetention = summaryRetention;
		this.changes = changes;
	}

	public void addTo(StreamsBuilder builder) {
		builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CALLS_STORE), Serdes.String(),
				new JsonSerde<>(CallSummary.class)));
		KStream<String, CallChange> changes = builder
			.stream(Topics.CALL_EVENTS, Consumed.with(Serdes.String(), new JsonSerde<>(CallEvent.class)))
			.process(() -> new CallSummaries(this.rules, this.summaryRetention), CALLS_STORE);

		KTable<String, CenterFigures> centerFigures = changes
			.groupBy((callId, change) -> CENTER_KEY, changesBy("center-changes", Serdes.String()))
			.aggregate(CenterFigures::none, (key, change, center) -> center.plus(change),
					StatsTopology.<String, CenterFigures>store(CENTER_STORE, Serdes.String(), CenterFigures.class));

		KTable<Long, Figures> intervals = changes
			.groupBy((callId, change) -> change.intervalStart(), changesBy("interval-changes", Serdes.Long()))
			.aggregate(() -> Figures.NONE, (start, change, figures) -> figures.plus(change.figures()),
					StatsTopology.<Long, Figures>store(INTERVALS_STORE, Serdes.Long(), Figures.class));

		// a call may have several agents (a take-over): one change per agent whose part
		// changed
		KTable<String, AgentFigures> agentFigures = changes.flatMap((callId, change) -> change.agentChanges())
			.groupByKey(Grouped.with("agent-changes", Serdes.String(), new JsonSerde<>(AgentFigures.class)))
			.aggregate(() -> AgentFigures.NONE, (agentId, change, figures) -> figures.plus(change), StatsTopology
				.<String, AgentFigures>store(AGENT_FIGURES_STORE, Serdes.String(), AgentFigures.class));

		KStream<String, AgentEvent> agentEvents = builder
			.stream(Topics.AGENT_EVENTS, Consumed.with(Serdes.String(), new JsonSerde<>(AgentEvent.class)))
			.filter((agentId, event) -> event != null && event.agentId() != null);
		KTable<String, AgentStatus> agentStatus = agentEvents.groupByKey()
			.aggregate(AgentStatus::none, (agentId, event, status) -> status.apply(event),
					StatsTopology.<String, AgentStatus>store(AGENT_STATUS_STORE, Serdes.String(), AgentStatus.class));
		KStream<String, WrapUp> finishedWrapUps = WrapUpTopology.addTo(agentEvents);
		AgentQuarterTopology.addTo(changes, finishedWrapUps);

		FigureChanges.tap(centerFigures, intervals, agentFigures, agentStatus, this.changes);
	}

	private static <K> Grouped<K, CallChange> changesBy(String name, Serde<K> keys) {
		return Grouped.with(name, keys, new JsonSerde<>(CallChange.class));
	}

	private static <K, V> Materialized<K, V, KeyValueStore<Bytes, byte[]>> store(String name, Serde<K> keys,
			Class<V> type) {
		return Materialized.<K, V, KeyValueStore<Bytes, byte[]>>as(name)
			.withKeySerde(keys)
			.withValueSerde(new JsonSerde<>(type));
	}

}
