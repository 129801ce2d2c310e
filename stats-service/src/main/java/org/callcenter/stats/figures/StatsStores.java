package org.callcenter.stats.figures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the topology's stores. Where the stores come from is left to a {@link Source}:
 * the running Kafka Streams instance in the service, the test driver in tests.
 */
public final class StatsStores {

	private final Source source;

	public StatsStores(Source source) {
		this.source = source;
	}

	public CenterFigures center() {
		CenterFigures center = this.source.<String, CenterFigures>keyValueStore(StatsTopology.CENTER_STORE)
			.get(StatsTopology.CENTER_KEY);
		return (center != null) ? center : CenterFigures.none();
	}

	/** One call's summary; null for a call never seen. */
	public CallSummary call(String callId) {
		return this.source.<String, CallSummary>keyValueStore(StatsTopology.CALLS_STORE).get(callId);
	}

	/** The intervals that start at or after {@code from} and before {@code to}. */
	public List<IntervalFigures> intervals(Instant from, Instant to) {
		List<IntervalFigures> intervals = new ArrayList<>();
		if (!from.isBefore(to)) {
			return intervals;
		}
		ReadOnlyKeyValueStore<Long, Figures> store = this.source.keyValueStore(StatsTopology.INTERVALS_STORE);
		// the range is inclusive at both ends; the store orders big-endian longs, so
		// positive epoch milliseconds come in time order
		try (KeyValueIterator<Long, Figures> range = store.range(from.toEpochMilli(), to.toEpochMilli() - 1)) {
			range.forEachRemaining((entry) -> intervals.add(interval(entry)));
		}
		return intervals;
	}

	public Map<String, AgentFigures> agentFigures() {
		return all(StatsTopology.AGENT_FIGURES_STORE);
	}

	public Map<String, AgentStatus> agentStatuses() {
		return all(StatsTopology.AGENT_STATUS_STORE);
	}

	/** Finished wrap-ups per agent. */
	public Map<String, WrapUps> agentWrapUps() {
		return all(WrapUpTopology.AGENT_WRAP_UPS_STORE);
	}

	/** The wrap-ups that began in the quarter hours from {@code from} to {@code to}. */
	public Map<Instant, WrapUps> intervalWrapUps(Instant from, Instant to) {
		Map<Instant, WrapUps> wrapUps = new TreeMap<>();
		if (!from.isBefore(to)) {
			return wrapUps;
		}
		ReadOnlyKeyValueStore<Long, WrapUps> store = this.source.keyValueStore(WrapUpTopology.INTERVAL_WRAP_UPS_STORE);
		try (KeyValueIterator<Long, WrapUps> range = store.range(from.toEpochMilli(), to.toEpochMilli() - 1)) {
			range.forEachRemaining((entry) -> wrapUps.put(Instant.ofEpochMilli(entry.key), entry.value));
		}
		return wrapUps;
	}

	/**
	 * Per agent (by id), its figures in the quarter hours that start at or after
	 * {@code from} and before {@code to}, by start.
	 */
	public Map<String, Map<Instant, AgentQuarter>> agentQuarters(Instant from, Instant to) {
		Map<String, Map<Instant, AgentQuarter>> agents = new TreeMap<>();
		if (!from.isBefore(to)) {
			return agents;
		}
		ReadOnlyKeyValueStore<String, AgentQuarter> store = this.source.keyValueStore(AgentQuarterTopology.STORE);
		// inclusive at both ends, but no key equals a bound (see AgentQuarterKey)
		try (KeyValueIterator<String, AgentQuarter> range = store.range(AgentQuarterKey.bound(from),
				AgentQuarterKey.bound(to))) {
			range.forEachRemaining((entry) -> {
				AgentQuarterKey key = AgentQuarterKey.decode(entry.key);
				// added, not put: a key found in two partitions is two parts of one sum
				agents.computeIfAbsent(key.agentId(), (agentId) -> new TreeMap<>())
					.merge(key.start(), entry.value, AgentQuarter::plus);
			});
		}
		return agents;
	}

	private <V> Map<String, V> all(String storeName) {
		Map<String, V> all = new TreeMap<>();
		ReadOnlyKeyValueStore<String, V> store = this.source.keyValueStore(storeName);
		try (KeyValueIterator<String, V> entries = store.all()) {
			entries.forEachRemaining((entry) -> all.put(entry.key, entry.value));
		}
		return all;
	}

	private static IntervalFigures interval(KeyValue<Long, Figures> entry) {
		return new IntervalFigures(Instant.ofEpochMilli(entry.key), entry.value);
	}

	/** The figures of the calls that reached the center in the interval from start. */
	public record IntervalFigures(Instant start, Figures figures) {

	}

	/** Where the stores are read. */
	@FunctionalInterface
	public interface Source {

		/**
		 * The store named {@code name}.
		 * @throws FiguresUnavailable while the store cannot be read (starting,
		 * rebalancing)
		 */
		<K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name);

	}

}
