package org.callcenter.emulator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenTokEmulatorApplication {

	public static void main(String[] args) {
		start(args);
	}

	/**
	 * Starts the emulator with its own configuration file ({@code opentok-emulator.yml}), so it can
	 * run inside another application's JVM (tests, the local launcher) without reading theirs.
	 */
	public static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(OpenTokEmulatorApplication.class)
			.properties("spring.config.name=opentok-emulator")
			.run(args);
	}

}
