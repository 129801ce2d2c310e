package org.callcenter.gateway;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	/** The configuration file is {@code gateway.yml}, so that several services can share a JVM (tests, launcher). */
	public static final String CONFIG_NAME = "spring.config.name=gateway";

	public static void main(String[] args) {
		start(args);
	}

	/** Reactive even when servlet classes are on the class path, as they are in the launcher. */
	public static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(GatewayApplication.class).web(WebApplicationType.REACTIVE)
			.properties(CONFIG_NAME)
			.run(args);
	}

}
