package org.callcenter.emulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenTokEmulatorApplication {

	public static void main(String[] args) {
		SpringApplication.run(OpenTokEmulatorApplication.class, args);
	}

}
