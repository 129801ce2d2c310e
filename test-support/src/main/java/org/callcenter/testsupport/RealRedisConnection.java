package org.callcenter.testsupport;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects a Spring Boot test's Redis client to {@link RealRedis#shared()}:
 * {@code @Import(RealRedisConnection.class)}. Boot then takes the server from this bean
 * instead of {@code spring.data.redis.*}.
 */
@Configuration(proxyBeanMethods = false)
public class RealRedisConnection {

	@Bean
	DataRedisConnectionDetails realRedisConnectionDetails() {
		RealRedis redis = RealRedis.shared();
		return new DataRedisConnectionDetails() {

			@Override
			public Standalone getStandalone() {
				return Standalone.of(redis.host(), redis.port());
			}

		};
	}

}
