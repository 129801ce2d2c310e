package org.callcenter.gateway.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up fails fast on settings the gateway cannot run with, and names the setting. */
class GatewayPropertiesTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(WithGatewayProperties.class)
		.withPropertyValues("gateway.open-tok-api-key=12345678", "gateway.internal-secret=0123456789abcdef",
				"gateway.agents[0].username=alice", "gateway.agents[0].password-hash={noop}demo",
				"gateway.agents[0].display-name=Alice");

	@Test
	void theDefaultsServeOneLocalSuite() {
		this.context.run((started) -> {
			GatewayProperties properties = started.getBean(GatewayProperties.class);
			assertThat(properties.queueServiceUrls()).extracting(Object::toString)
				.containsExactly("http://localhost:8082");
			assertThat(properties.dialsPerSecond()).isEqualTo(2);
			assertThat(properties.dialBurst()).isEqualTo(20);
			assertThat(properties.signInLockout()).isEqualTo(Duration.ofMinutes(15));
			assertThat(properties.allowedOrigins()).isEmpty();
			assertThat(properties.emulated()).isFalse();
		});
	}

	@Test
	void severalInstancesOfAServiceAreCommaSeparated() {
		this.context.withPropertyValues("gateway.queue-service-urls=http://q1:8082,http://q2:8082")
			.run((started) -> assertThat(started.getBean(GatewayProperties.class).queueServiceUrls()).hasSize(2));
	}

	@Test
	void anEmulatorAddressMeansEmulatedAndABlankOneDoesNot() {
		this.context.withPropertyValues("gateway.emulator-url=http://localhost:9911")
			.run((started) -> assertThat(started.getBean(GatewayProperties.class).emulated()).isTrue());
		this.context.withPropertyValues("gateway.emulator-url=")
			.run((started) -> assertThat(started.getBean(GatewayProperties.class).emulated()).isFalse());
	}

	@Test
	void withoutAnOpenTokApiKeyTheGatewayDoesNotStart() {
		this.context.withPropertyValues("gateway.open-tok-api-key=")
			.run((started) -> assertThat(started).getFailure().rootCause().hasMessageContaining("openTokApiKey"));
	}

	@Test
	void aShortInternalSecretIsRefused() {
		this.context.withPropertyValues("gateway.internal-secret=short")
			.run((started) -> assertThat(started).getFailure().rootCause().hasMessageContaining("internalSecret"));
	}

	@Test
	void anAgentNameThatCouldNotBeAPathSegmentIsRefused() {
		// the agent's name becomes part of queue-service paths (/api/agents/<name>/...)
		this.context.withPropertyValues("gateway.agents[0].username=al/../ice")
			.run((started) -> assertThat(started).getFailure().rootCause().hasMessageContaining("username"));
	}

	@Test
	void aDialLimitOfZeroIsRefused() {
		this.context.withPropertyValues("gateway.dials-per-second=0")
			.run((started) -> assertThat(started).getFailure().rootCause().hasMessageContaining("dialsPerSecond"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GatewayProperties.class)
	static class WithGatewayProperties {

	}

}
