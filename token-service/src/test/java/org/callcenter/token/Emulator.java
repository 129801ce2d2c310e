package org.callcenter.token;

import org.callcenter.emulator.OpenTokEmulatorApplication;
import org.callcenter.emulator.auth.ClientTokens;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The OpenTok emulator, started once per test run in this JVM on a free port. */
final class Emulator {

	static final String API_KEY = "12345678";

	static final String API_SECRET = "emulator-secret-0123456789abcdef01234567";

	/**
	 * In this JVM, {@code application.yml} is token-service's: the emulator's settings
	 * have their defaults in its properties record, and whatever these tests rely on is
	 * given here.
	 */
	private static final ConfigurableApplicationContext CONTEXT = SpringApplication.run(
			OpenTokEmulatorApplication.class, "--server.port=0", "--spring.application.name=opentok-emulator",
			"--emulator.api-key=" + API_KEY, "--emulator.api-secret=" + API_SECRET);

	private Emulator() {
	}

	static String url() {
		return "http://127.0.0.1:" + CONTEXT.getEnvironment().getProperty("local.server.port");
	}

	/** Points token-service at this emulator's project. */
	static void register(DynamicPropertyRegistry registry) {
		registry.add("opentok.api-key", () -> API_KEY);
		registry.add("opentok.api-secret", () -> API_SECRET);
		registry.add("opentok.api-url", Emulator::url);
	}

	static ClientTokens tokens() {
		return CONTEXT.getBean(ClientTokens.class);
	}

}
