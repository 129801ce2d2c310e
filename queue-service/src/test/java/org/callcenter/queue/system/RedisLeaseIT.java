package org.callcenter.queue.system;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.callcenter.testsupport.RealRedis;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lease that makes one instance at a time the outbox relay or the session pool's
 * refiller, on a real Redis: one holder while it renews, another once it lapses, and the
 * thread its work runs on.
 */
class RedisLeaseIT {

	private static LettuceConnectionFactory connections;

	private static StringRedisTemplate redis;

	@BeforeAll
	static void connect() {
		connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(RealRedis.shared().host(), RealRedis.shared().port()));
		connections.afterPropertiesSet();
		connections.start();
		redis = new StringRedisTemplate(connections);
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@Test
	void onlyOneInstanceHoldsTheLeaseAndItsHolderRenewsIt() {
		String key = freshKey();
		RedisLease first = new RedisLease(redis, key, Duration.ofMinutes(1));
		RedisLease second = new RedisLease(redis, key, Duration.ofMinutes(1));

		assertThat(first.hold()).isTrue();
		assertThat(second.hold()).isFalse();
		assertThat(first.hold()).as("renewed").isTrue();
		assertThat(second.hold()).isFalse();
		assertThat(redis.opsForValue().get(key)).isEqualTo(first.owner());
		assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).isBetween(1L, Duration.ofMinutes(1).toMillis());
	}

	@Test
	void anotherInstanceTakesOverOnceTheHolderStopsRenewing() {
		String key = freshKey();
		RedisLease first = new RedisLease(redis, key, Duration.ofMillis(300));
		RedisLease second = new RedisLease(redis, key, Duration.ofMillis(300));
		assertThat(first.hold()).isTrue();

		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(second::hold);
		assertThat(redis.opsForValue().get(key)).isEqualTo(second.owner());
		assertThat(first.hold()).isFalse();
	}

	@Test
	void aRenewedLeaseOutlastsItsLength() {
		String key = freshKey();
		RedisLease holder = new RedisLease(redis, key, Duration.ofMillis(300));
		RedisLease other = new RedisLease(redis, key, Duration.ofMillis(300));
		assertThat(holder.hold()).isTrue();

		// renewed every 50 ms for four lease lengths: nobody else gets it meanwhile
		await().during(Duration.ofMillis(1200))
			.atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> holder.hold() && !other.hold());
	}

	@Test
	void theWorkRunsOnItsOwnThreadUntilStopped() throws InterruptedException {
		RedisLease lease = new RedisLease(redis, freshKey(), Duration.ofMinutes(1));
		AtomicInteger rounds = new AtomicInteger();
		CountDownLatch ended = new CountDownLatch(1);
		lease.start("lease-it-worker", () -> {
			while (lease.running()) {
				if (lease.hold()) {
					rounds.incrementAndGet();
				}
				try {
					Thread.sleep(Duration.ofMinutes(1).toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			ended.countDown();
		});
		assertThat(lease.running()).isTrue();
		await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 1);

		lease.stop(Duration.ofSeconds(5));

		assertThat(lease.running()).isFalse();
		assertThat(ended.await(0, TimeUnit.SECONDS)).as("the work ended, woken from its pause").isTrue();
	}

	private static String freshKey() {
		return "{lease-it}:" + UUID.randomUUID();
	}

}
