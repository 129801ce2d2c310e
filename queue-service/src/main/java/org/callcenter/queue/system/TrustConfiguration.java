package org.callcenter.queue.system;

import java.time.Clock;

import org.callcenter.queue.QueueProperties;
import org.callcenter.trust.SignedCredentials;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one signer and verifier of the suite's credentials: the web layer verifies agent
 * identities and caller credentials with it, the token-service client signs this
 * service's identity with it. It is set-up both sides use, so it lives here rather than
 * with either of them.
 */
@Configuration(proxyBeanMethods = false)
class TrustConfiguration {

	@Bean
	SignedCredentials signedCredentials(QueueProperties properties, Clock clock) {
		return new SignedCredentials(properties.internalSecret(), clock);
	}

}
