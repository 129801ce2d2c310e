package org.callcenter.stats.figures;

import java.time.Duration;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.callcenter.contracts.calls.Topics;
import org.callcenter.stats.system.StatsProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * Runs the topology in the Kafka Streams instance Spring Boot configures from
 * {@code spring.kafka.streams.*}, and reads its stores through interactive queries.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class TopologyConfiguration {

	@Bean
	StatsTopology statsTopology(StreamsBuilder builder, StatsProperties properties, FigureChanges changes) {
		StatsTopology topology = new StatsTopology(
				new ServiceLevelRules(properties.serviceLevelThreshold(), properties.shortAbandon()),
				properties.summaryRetention(), changes);
		topology.addTo(builder);
		return topology;
	}

	/**
	 * The topics the figures come from, created (with the broker's default partitions and
	 * replicas) if nothing has produced to them yet: Kafka Streams stops for good when a
	 * source topic is missing, and on a fresh Kafka this service may start before
	 * queue-service has written its first event.
	 */
	@Bean
	KafkaAdmin.NewTopics sourceTopics() {
		return new KafkaAdmin.NewTopics(TopicBuilder.name(Topics.CALL_EVENTS).build(),
				TopicBuilder.name(Topics.AGENT_EVENTS).build());
	}

	/**
	 * A stream thread that fails (Kafka out of reach too long, a source topic deleted) is
	 * replaced rather than the whole client stopped for good: the figures come back when
	 * Kafka does. A record that cannot be read never gets here (it is skipped, see
	 * application.yml), so a bad event cannot make this loop.
	 */
	@Bean
	StreamsBuilderFactoryBeanConfigurer replaceFailedThreads() {
		return (factory) -> factory
			.setStreamsUncaughtExceptionHandler((failure) -> StreamThreadExceptionResponse.REPLACE_THREAD);
	}

	/**
	 * This instance's stores, all of them: what the API answers from unless another
	 * {@link StatsParts} gathers every instance's.
	 */
	@Bean
	LocalStatsParts localStatsParts(StatsStores stores) {
		return new LocalStatsParts(stores);
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
