package org.callcenter.emulator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenTokEmulatorApplication {

	/** The configuration file is {@code opentok-emulator.yml}, so that several services can share a JVM (tests, launcher). */
	public static final String CONFIG_NAME = "spring.config.name=opentok-emulator";

	public static void main(String[] args) {
		start(args);
	}

	public static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(OpenTokEmulatorApplication.class).properties(CONFIG_NAME).run(args);
	}

}
