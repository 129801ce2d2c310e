package org.callcenter.token.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A signal that OpenTok keeps refusing is retried with bounded back-off, then logged and
 * skipped: a stale signal delivered minutes late would mislead the caller's page more
 * than a missing one.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	DefaultErrorHandler kafkaErrorHandler() {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
		backOff.setMaxElapsedTime(30_000);
		return new DefaultErrorHandler(backOff);
	}

}
