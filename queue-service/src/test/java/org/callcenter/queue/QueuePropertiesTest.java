package org.callcenter.queue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.callcenter.queue.store.QueueKeys;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

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
			assertThat(keys.pending("sales")).startsWith("{tenant-1}:");
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

	@Test
	void withoutQueuesOneQueueTakesEveryCallAndEveryAgentServesIt() {
		this.context.run((started) -> {
			QueueProperties properties = started.getBean(QueueProperties.class);
			assertThat(properties.queueIds()).containsExactly(QueueProperties.DEFAULT_QUEUE);
			assertThat(properties.termsOf("alice").skills()).containsExactly(entry(QueueProperties.DEFAULT_QUEUE, 1));
		});
	}

	@Test
	void queuesKeepTheirOrderAndAgentsNotNamedInSkillsServeThemAllAsPrimaries() {
		this.context
			.withPropertyValues("queue.queues[2].id=billing", "queue.queues[2].display-name=Billing",
					"queue.queues[0].id=sales", "queue.queues[0].display-name=Sales", "queue.queues[1].id=support",
					"queue.queues[1].display-name=Support", "queue.queues[1].priority=5",
					"queue.queues[1].backup-delay=10s", "queue.skills.dave.sales=1", "queue.skills.dave.support=2")
			.run((started) -> {
				QueueProperties properties = started.getBean(QueueProperties.class);
				assertThat(properties.queueIds()).containsExactly("sales", "support", "billing");
				assertThat(properties.queues().get(1).priority()).isEqualTo(5);
				assertThat(properties.queues().get(1).backupDelay()).isEqualTo(Duration.ofSeconds(10));
				assertThat(properties.termsOf("dave").skillsArgument()).isEqualTo("sales:1,support:2");
				assertThat(properties.termsOf("alice").skillsArgument()).isEqualTo("billing:1,sales:1,support:1");
			});
	}

	@Test
	void aSkillInAQueueThatDoesNotExistIsRefusedNamingTheQueue() {
		this.context
			.withPropertyValues("queue.queues[0].id=sales", "queue.queues[0].display-name=Sales",
					"queue.skills.dave.salse=1")
			.run((started) -> assertThat(started).getFailure().rootCause().hasMessageContaining("salse"));
	}

	@Test
	void aSkillLevelOtherThanPrimaryOrBackupIsRefused() {
		this.context
			.withPropertyValues("queue.queues[0].id=sales", "queue.queues[0].display-name=Sales",
					"queue.skills.dave.sales=3")
			.run((started) -> assertThat(started).getFailure().rootCause().hasMessageContaining("skills"));
	}

	@Test
	void openingHoursWrittenWrongAreRefusedSayingHowToWriteThem() {
		this.context
			.withPropertyValues("queue.queues[0].id=sales", "queue.queues[0].display-name=Sales",
					"queue.queues[0].hours[0]=MON-FRI 9-17")
			.run((started) -> assertThat(started).getFailure().rootCause().hasMessageContaining("MON-FRI 09:00-17:00"));
	}

	@Test
	void aQueueIdThatCannotBeALinkIsRefused() {
		this.context.withPropertyValues("queue.queues[0].id=Sales_Team", "queue.queues[0].display-name=Sales")
			.run((started) -> assertThat(started).getFailure().rootCause().hasMessageContaining("queues"));
	}

	@Test
	void twoQueuesWithOneIdAreRefused() {
		this.context
			.withPropertyValues("queue.queues[0].id=sales", "queue.queues[0].display-name=Sales",
					"queue.queues[1].id=sales", "queue.queues[1].display-name=More sales")
			.run((started) -> assertThat(started).getFailure().rootCause().hasMessageContaining("one id"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(QueueProperties.class)
	static class WithQueueProperties {

	}

}
