package org.callcenter.token.opentok;

import com.opentok.OpenTok;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenTokConfiguration {

	/** One client for the application: it owns a Netty event loop, closed on shutdown. */
	@Bean(destroyMethod = "close")
	OpenTok openTok(OpenTokProperties properties) {
		return new OpenTok.Builder(properties.apiKey(), properties.apiSecret())
			.apiUrl(properties.apiUrlWithoutTrailingSlash())
			.requestTimeout((int) Math.max(1, properties.requestTimeout().toSeconds()))
			.build();
	}

}
