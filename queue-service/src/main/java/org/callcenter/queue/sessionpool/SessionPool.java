package org.callcenter.queue.sessionpool;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.queue.QueueProperties;
import org.callcenter.queue.store.QueueKeys;
import org.callcenter.queue.system.LuaScripts;
import org.callcenter.queue.system.RedisLease;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * OpenTok sessions created ahead of demand, kept in Redis
 * ({@link QueueKeys#sessionPool()}, shared by every instance), so that most dials need no
 * session from OpenTok. A session leaves the pool in one atomic step
 * ({@code session-pool-take.lua}): it goes to one dial only, which then owns it. Sessions
 * older than {@code queue.session-pool.max-age} are dropped unused.
 * {@link SessionPoolRefiller} fills the pool.
 */
@Component
public class SessionPool {

	private static final Logger log = LoggerFactory.getLogger(SessionPool.class);

	private final StringRedisTemplate redis;

	private final QueueKeys keys;

	private final QueueProperties.SessionPool settings;

	private final Clock clock;

	private final RedisScript<List> take = script("session-pool-take");

	private final RedisScript<List> refill = script("session-pool-refill");

	/**
	 * Released by a dial that left the pool below half its size, so the refiller wakes up
	 * at once (see awaitRunningLow). Not by every dial: refilling after each one would
	 * make the next dial share the CPU with a session creation, where a refill in batches
	 * leaves most dials alone.
	 */
	private final Semaphore dials = new Semaphore(0);

	private final Counter fromPool;

	private final Counter created;

	SessionPool(StringRedisTemplate redis, QueueProperties properties, Clock clock, MeterRegistry meters) {
		this.redis = redis;
		this.keys = new QueueKeys(properties);
		this.settings = properties.sessionPool();
		this.clock = clock;
		this.fromPool = dialSessions(meters, "pool");
		this.created = dialSessions(meters, "created");
	}

	/**
	 * A pooled session for a dial, now owned by it, or empty when the pool is empty or
	 * off (the dial then creates its session). Every dial asks, so the pool knows the
	 * demand.
	 */
	public Optional<PooledSession> take() {
		if (!this.settings.enabled()) {
			this.created.increment();
			return Optional.empty();
		}
		List<?> reply = this.redis.execute(this.take, List.of(this.keys.sessionPool(), this.keys.sessionPoolDials()),
				String.valueOf(this.clock.millis()), String.valueOf(this.settings.maxAge().toMillis()),
				String.valueOf(QueueProperties.SessionPool.DEMAND_WINDOW.toMillis()));
		if (reply == null || reply.isEmpty()) {
			this.dials.release();
			this.created.increment();
			return Optional.empty();
		}
		if ((Long) reply.get(2) < this.settings.size() / 2) {
			this.dials.release();
		}
		this.fromPool.increment();
		return Optional.of(new PooledSession((String) reply.get(0), (long) Double.parseDouble((String) reply.get(1))));
	}

	/**
	 * Gives back a session whose dial failed before its call was stored (token-service
	 * did not make the caller's token): no call owns it and nobody holds a token for it,
	 * so it is as good as new. If Redis fails here, the session is lost: an unused
	 * OpenTok session costs nothing.
	 */
	public void putBack(PooledSession session) {
		try {
			this.redis.opsForZSet().add(this.keys.sessionPool(), session.sessionId(), session.createdAt());
		}
		catch (DataAccessException ex) {
			log.warn("a pooled session could not go back to the pool and is dropped: {}", ex.getMessage());
		}
	}

	/** Sessions in the pool now. */
	public long size() {
		Long size = this.redis.opsForZSet().zCard(this.keys.sessionPool());
		return (size != null) ? size : 0;
	}

	QueueProperties.SessionPool settings() {
		return this.settings;
	}

	/**
	 * The lease that makes one instance at a time the refiller
	 * ({@link QueueKeys#sessionPoolRefiller()}), lasting {@code length} unless renewed.
	 */
	RedisLease refillerLease(Duration length) {
		return new RedisLease(this.redis, this.keys.sessionPoolRefiller(), length);
	}

	/**
	 * How far the pool is below its target, once sessions past their age are dropped; for
	 * the holder of the {@link #refillerLease refiller lease}.
	 */
	int missing() {
		List<?> reply = this.redis.execute(this.refill, List.of(this.keys.sessionPool(), this.keys.sessionPoolDials()),
				String.valueOf(this.clock.millis()), String.valueOf(this.settings.maxAge().toMillis()),
				String.valueOf(QueueProperties.SessionPool.DEMAND_WINDOW.toMillis()));
		long size = (Long) reply.get(0);
		long recentDials = (Long) reply.get(1);
		return (int) Math.max(0, this.settings.target(recentDials) - size);
	}

	/** Adds a session just created. */
	void add(String sessionId) {
		this.redis.opsForZSet().add(this.keys.sessionPool(), sessionId, this.clock.millis());
	}

	/**
	 * Waits until a dial left the pool below half its size or {@code timeout} passed.
	 */
	void awaitRunningLow(Duration timeout) throws InterruptedException {
		this.dials.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
		this.dials.drainPermits();
	}

	private static Counter dialSessions(MeterRegistry meters, String source) {
		return Counter.builder("callcenter.dial.sessions")
			.description("Sessions given to dials: taken from the pool, or created for the dial")
			.tag("source", source)
			.register(meters);
	}

	private static RedisScript<List> script(String name) {
		return LuaScripts.script(name, List.class);
	}

}
