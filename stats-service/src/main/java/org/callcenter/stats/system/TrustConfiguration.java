package org.callcenter.stats.system;

import java.time.Clock;

import org.callcenter.trust.SignedCredentials;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Verifies the agent identities the gateway signs on the requests it forwards. */
@Configuration(proxyBeanMethods = false)
class TrustConfiguration {

	@Bean
	SignedCredentials signedCredentials(StatsProperties properties, Clock clock) {
		return new SignedCredentials(properties.internalSecret(), clock);
	}

}
