package org.callcenter.stats.figures;

import java.time.Duration;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.callcenter.stats.system.StatsProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * Runs the topology in the Kafka Streams instance Spring Boot configures from
 * {@code spring.kafka.streams.*}, and reads its stores through interactive queries.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class TopologyConfiguration {

	@Bean
	StatsTopology statsTopology(StreamsBuilder builder, StatsProperties properties) {
		StatsTopology topology = new StatsTopology(
				new ServiceLevelRules(properties.serviceLevelThreshold(), properties.shortAbandon()));
		topology.addTo(builder);
		return topology;
	}

	@Bean
	StatsStores statsStores(StreamsBuilderFactoryBean streams) {
		KafkaStreamsInteractiveQueryService queries = new KafkaStreamsInteractiveQueryService(streams);
		// a request waits a moment for a store that is being restored, not for seconds:
		// it is answered 503 and asked again
		queries.setRetryTemplate(
				new RetryTemplate(RetryPolicy.builder().maxRetries(3).delay(Duration.ofMillis(100)).build()));
		return new StatsStores(new StatsStores.Source() {
			@Override
			public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name) {
				try {
					return queries.retrieveQueryableStore(name, QueryableStoreTypes.<K, V>keyValueStore());
				}
				catch (RuntimeException ex) {
					throw new FiguresUnavailable(name, ex);
				}
			}
		});
	}

}
