package org.callcenter.testsupport;

import java.util.List;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects a Spring Boot test's Kafka clients to {@link RealKafka#shared()}:
 * {@code @Import(RealKafkaConnection.class)}. Boot then takes the broker from this bean
 * instead of {@code spring.kafka.bootstrap-servers}; everything else (security,
 * serializers) still comes from the service's configuration.
 */
@Configuration(proxyBeanMethods = false)
public class RealKafkaConnection {

	@Bean
	KafkaConnectionDetails realKafkaConnectionDetails() {
		return () -> List.of(RealKafka.shared().bootstrapServers());
	}

}
