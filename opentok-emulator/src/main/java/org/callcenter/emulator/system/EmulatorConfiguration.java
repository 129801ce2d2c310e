package org.callcenter.emulator.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EmulatorConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
