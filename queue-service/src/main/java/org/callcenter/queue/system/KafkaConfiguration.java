package org.callcenter.queue.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A session event that keeps failing (Redis down for long, or a record that cannot be
 * read) is retried with bounded back-off and then parked on {@code <topic>-dlt}, instead
 * of blocking its partition forever or being dropped silently. Records that cannot be
 * read go there at once; the dead letter keeps the original bytes. Its producer has the
 * settings of Boot's own (the {@code spring.kafka.*} properties, and the broker a
 * {@code KafkaConnectionDetails} bean names) with serializers of its own.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	DefaultErrorHandler kafkaErrorHandler(ProducerFactory<?, ?> producerFactory) {
		Map<Class<?>, org.apache.kafka.common.serialization.Serializer<?>> byType = new LinkedHashMap<>();
		byType.put(byte[].class, new ByteArraySerializer());
		byType.put(Object.class, new JacksonJsonSerializer<>());
		DefaultKafkaProducerFactory<String, Object> producers = new DefaultKafkaProducerFactory<>(
				producerFactory.getConfigurationProperties(), new StringSerializer(),
				new DelegatingByTypeSerializer(byType, true));
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2);
		backOff.setMaxElapsedTime(10_000);
		return new DefaultErrorHandler(new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers)), backOff);
	}

}
