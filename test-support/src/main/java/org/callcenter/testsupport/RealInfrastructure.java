package org.callcenter.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring Boot test at the shared real Redis and Kafka:
 * {@code @DynamicPropertySource static void infra(DynamicPropertyRegistry r) { RealInfrastructure.register(r); }}.
 */
public final class RealInfrastructure {

	private RealInfrastructure() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", () -> RealRedis.shared().host());
		registry.add("spring.data.redis.port", () -> RealRedis.shared().port());
		registry.add("spring.kafka.bootstrap-servers", () -> RealKafka.shared().bootstrapServers());
	}

}
