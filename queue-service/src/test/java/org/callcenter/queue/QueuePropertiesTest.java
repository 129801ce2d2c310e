package org.callcenter.queue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.callcenter.queue.store.QueueKeys;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * queue-service starts only with settings it can work with, and names the one that is
 * wrong.
 */
class QueuePropertiesTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(WithQueueProperties.class)
		.withPropertyValues("queue.internal-secret=0123456789abcdef");

	@Test
	void theDefaultsServeOneLocalCallCenterWithoutACap() {
		this.context.run((started) -> {
			QueueProperties properties = started.getBean(QueueProperties.class);
			assertThat(properties.namespace()).isEqualTo("callcenter");
			assertThat(properties.maxCallersPerAgent()).isZero();
			assertThat(properties.callerGracePeriod()).isEqualTo(Duration.ofSeconds(20));
			assertThat(properties.tokenServiceUrls()).extracting(Object::toString)
				.containsExactly("http://localhost:8083");
		});
	}

	@Test
	void everyKeyOfOneCallCenterCarriesOneHashTagSoAClusterKeepsThemInOneSlot() {
		this.context.withPropertyValues("queue.namespace=tenant-1").run((started) -> {
			QueueKeys keys = new QueueKeys(started.getBean(QueueProperties.class));
			assertThat(keys.space()).isEqualTo("{tenant-1}");
			assertThat(keys.outbox()).startsWith("{tenant-1}:");
			assertThat(keys.pending()).startsWith("{tenant-1}:");
			assertThat(keys.relayCursor()).startsWith("{tenant-1}:");
		});
	}

	@Test
	void aNamespaceThatCouldBreakOutOfItsHashTagIsRefused() {
		this.context.withPropertyValues("queue.namespace=a}b")
			.run((started) -> assertThat(started).getFailure().rootCause().hasMessageContaining("namespace"));
	}

	@Test
	void withoutASecretOfSixteenCharactersTheServiceDoesNotStart() {
		new ApplicationContextRunner().withUserConfiguration(WithQueueProperties.class)
			.run((started) -> assertThat(started).getFailure().rootCause().hasMessageContaining("internalSecret"));
		this.context.withPropertyValues("queue.internal-secret=short")
			.run((started) -> assertThat(started).getFailure().rootCause().hasMessageContaining("internalSecret"));
	}

	@Test
	void aNegativeCapIsRefused() {
		this.context.withPropertyValues("queue.max-callers-per-agent=-1")
			.run((started) -> assertThat(started).getFailure().rootCause().hasMessageContaining("maxCallersPerAgent"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(QueueProperties.class)
	static class WithQueueProperties {

	}

}
