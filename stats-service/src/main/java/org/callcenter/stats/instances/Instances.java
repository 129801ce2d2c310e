package org.callcenter.stats.instances;

import java.util.Collection;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

import org.callcenter.stats.figures.FiguresUnavailable;
import org.callcenter.stats.figures.LocalStatsParts;
import org.callcenter.stats.figures.StatsStores;
import org.callcenter.stats.system.StatsProperties;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * The instances that share the stores (one application id), as Kafka Streams' metadata
 * names them by their {@code application.server}: which one holds a key, which ones hold
 * partitions of a store, and which one is this.
 */
@Component
class Instances {

	private final StreamsBuilderFactoryBean streams;

	private final StatsStores stores;

	private final HostInfo self;

	Instances(StreamsBuilderFactoryBean streams, StatsStores stores, StatsProperties properties) {
		this.streams = streams;
		this.stores = stores;
		this.self = HostInfo.buildFromEndpoint(properties.applicationServer());
	}

	boolean isSelf(HostInfo host) {
		return this.self.equals(host);
	}

	/** The instance whose store holds {@code key}. */
	HostInfo holderOf(String store, String key) {
		KeyQueryMetadata holder = running().queryMetadataForKey(store, key, Serdes.String().serializer());
		if (holder == null || KeyQueryMetadata.NOT_AVAILABLE.equals(holder) || holder.activeHost() == null
				|| HostInfo.unavailable().equals(holder.activeHost())) {
			throw unavailable(store);
		}
		return holder.activeHost();
	}

	/** Every instance, with the stores it holds partitions of. */
	Collection<StreamsMetadata> all() {
		Collection<StreamsMetadata> all = running().metadataForAllStreamsClients();
		if (all.isEmpty()) {
			throw unavailable("any");
		}
		return all;
	}

	/**
	 * This instance's own stores: a store of which it holds no partition now reads as
	 * empty.
	 */
	LocalStatsParts local() {
		Set<String> held = all().stream()
			.filter((instance) -> isSelf(instance.hostInfo()))
			.findFirst()
			.map(StreamsMetadata::stateStoreNames)
			.orElse(Set.of());
		return new LocalStatsParts(this.stores, held::contains);
	}

	/**
	 * Kafka Streams, if it is running: while it starts, restores or rebalances, the
	 * metadata and the stores may be incomplete, and the answer is 503.
	 */
	private KafkaStreams running() {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
			throw unavailable("any");
		}
		return kafkaStreams;
	}

	private static FiguresUnavailable unavailable(String store) {
		return new FiguresUnavailable(store, null);
	}

}
