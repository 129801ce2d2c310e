package org.callcenter.queue;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QueueServiceApplication {

	/** The configuration file is {@code queue-service.yml}, so that several services can share a JVM (tests, launcher). */
	public static final String CONFIG_NAME = "spring.config.name=queue-service";

	public static void main(String[] args) {
		start(args);
	}

	public static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(QueueServiceApplication.class).properties(CONFIG_NAME).run(args);
	}

}
