package org.callcenter.gateway.system;

import java.time.Clock;

import org.callcenter.trust.SignedCredentials;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TrustConfiguration {

	@Bean
	SignedCredentials signedCredentials(GatewayProperties properties) {
		return new SignedCredentials(properties.internalSecret(), Clock.systemUTC());
	}

}
