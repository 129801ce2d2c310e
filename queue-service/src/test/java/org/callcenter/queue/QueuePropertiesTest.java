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
			assertThat(keys.sessionPool()).startsWith("{tenant-1}:");
			assertThat(keys.sessionPoolRefiller()).startsWith("{tenant-1}:");
			assertThat(keys.sessionPoolDials()).startsWith("{tenant-1}:");
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

	@Test
	void theSessionPoolKeepsTwentySessionsOfAtMostTwoHoursByDefault() {
		this.context.run((started) -> {
			QueueProperties.SessionPool pool = started.getBean(QueueProperties.class).sessionPool();
			assertThat(pool.size()).isEqualTo(20);
			assertThat(pool.maxSize()).isEqualTo(200);
			assertThat(pool.maxAge()).isEqualTo(Duration.ofHours(2));
			assertThat(pool.enabled()).isTrue();
		});
	}

	@Test
	void theSessionPoolGrowsWithRecentDialsUpToItsMaximumAndSizeZeroTurnsItOff() {
		QueueProperties.SessionPool pool = new QueueProperties.SessionPool(20, 200, Duration.ofHours(2),
				Duration.ofSeconds(1));
		assertThat(pool.target(0)).isEqualTo(20);
		assertThat(pool.target(75)).isEqualTo(75);
		assertThat(pool.target(5_000)).isEqualTo(200);
		assertThat(new QueueProperties.SessionPool(50, 10, Duration.ofHours(2), Duration.ofSeconds(1)).target(5_000))
			.as("a maximum below the size")
			.isEqualTo(50);
		QueueProperties.SessionPool off = new QueueProperties.SessionPool(0, 200, Duration.ofHours(2),
				Duration.ofSeconds(1));
		assertThat(off.enabled()).isFalse();
		assertThat(off.target(5_000)).isZero();
	}

	@Test
	void aNegativeSessionPoolSizeIsRefused() {
		this.context.withPropertyValues("queue.session-pool.size=-1")
			.run((started) -> assertThat(started).getFailure().rootCause().hasMessageContaining("size"));
	}

	@Test
	void aSessionPoolMaxAgeBeyondAWeekIsRefused() {
		// the callers' tokens made for the pool are valid that much longer, and
		// token-service makes them at most a week longer
		this.context.withPropertyValues("queue.session-pool.max-age=8d")
			.run((started) -> assertThat(started).getFailure().rootCause().hasMessageContaining("maxAge"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(QueueProperties.class)
	static class WithQueueProperties {

	}

}
