package org.callcenter.stats.api;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;

import org.callcenter.contracts.calls.Topics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topic the figures are pushed to ({@link FigurePublisher}), and everything published
 * again whenever the stores are ready after a start or a rebalance.
 */
@Configuration(proxyBeanMethods = false)
class FigureTopicConfiguration {

	/**
	 * Compacted: it keeps the latest value of each key, so the gateway learns today's
	 * figures by reading it from the start. One partition: the figures are few and the
	 * gateway reads them all anyway.
	 */
	@Bean
	NewTopic statsTopic() {
		return TopicBuilder.name(Topics.STATS).partitions(1).compact().build();
	}

	/**
	 * The publisher is looked up when the state changes, not when the Kafka Streams
	 * factory is configured: it reads the stores that factory makes.
	 */
	@Bean
	StreamsBuilderFactoryBeanConfigurer publishAllWhenRunning(ObjectProvider<FigurePublisher> publisher) {
		return (factory) -> factory.setStateListener((newState, oldState) -> {
			if (newState == KafkaStreams.State.RUNNING) {
				publisher.getObject().publishAll();
			}
		});
	}

}
