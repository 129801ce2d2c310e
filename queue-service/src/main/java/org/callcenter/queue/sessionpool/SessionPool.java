package org.callcenter.queue.sessionpool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.contracts.tokens.SessionToken;
import org.callcenter.queue.QueueProperties;
import org.callcenter.queue.store.QueueKeys;
import org.callcenter.queue.system.LuaScripts;
import org.callcenter.queue.system.RedisLease;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * OpenTok sessions created ahead of demand, each with the caller's credentials made ahead
 * too (a call id and the caller's token for that session and call), kept in Redis
 * ({@link QueueKeys#sessionPool()} and {@link QueueKeys#sessionPoolEntries() its
 * entries}, shared by every instance), so that a dial from the pool calls nobody: one
 * Redis script to take the entry, one to store the call. An entry leaves the pool in one
 * atomic step ({@code session-pool-take.lua}): it goes to one dial only, which then owns
 * it. Entries older than {@code queue.session-pool.max-age} are dropped unused.
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

	private final RedisScript<Long> add = LuaScripts.script("session-pool-add", Long.class);

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
	 * A pool entry for a dial, now owned by it, or empty when the pool is empty or off
	 * (the dial then creates its session and token). Every dial asks, so the pool knows
	 * the demand.
	 */
	public Optional<PooledSession> take() {
		if (!this.settings.enabled()) {
			this.created.increment();
			return Optional.empty();
		}
		List<?> reply = this.redis.execute(this.take,
				List.of(this.keys.sessionPool(), this.keys.sessionPoolDials(), this.keys.sessionPoolEntries()),
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
		String sessionId = (String) reply.get(0);
		SessionToken callerToken = new SessionToken((String) reply.get(4), sessionId, (String) reply.get(5),
				Instant.ofEpochMilli(Long.parseLong((String) reply.get(6))));
		return Optional.of(new PooledSession((String) reply.get(3), callerToken,
				(long) Double.parseDouble((String) reply.get(1)), Long.parseLong((String) reply.get(7))));
	}

	/**
	 * Gives back an entry whose dial was refused or failed after taking it: unless a call
	 * owns its session or has its call id (the dial's script may have run before the
	 * failure; then the entry is that call's), nobody used it, and nobody saw its token,
	 * so it is as good as new; otherwise, or when it is past its age, it is dropped. If
	 * Redis fails here, the entry is lost: an unused OpenTok session and token cost
	 * nothing.
	 */
	public void putBack(PooledSession entry) {
		try {
			if (!add(entry)) {
				log.info("a pool entry its dial did not use is dropped: a call has it, or it is too old");
			}
		}
		catch (DataAccessException ex) {
			log.warn("a pool entry could not go back to the pool and is dropped: {}", ex.getMessage());
		}
	}

	/** Entries in the pool now. */
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
		List<?> reply = this.redis.execute(this.refill,
				List.of(this.keys.sessionPool(), this.keys.sessionPoolDials(), this.keys.sessionPoolEntries()),
				String.valueOf(this.clock.millis()), String.valueOf(this.settings.maxAge().toMillis()),
				String.valueOf(QueueProperties.SessionPool.DEMAND_WINDOW.toMillis()));
		long size = (Long) reply.get(0);
		long recentDials = (Long) reply.get(1);
		return (int) Math.max(0, this.settings.target(recentDials) - size);
	}

	/**
	 * Adds an entry, with its session's member of the pool, in one step
	 * ({@code session-pool-add.lua}); answers false if it was dropped instead: past its
	 * age (or the one its token was made for), or a call owns its session or has its call
	 * id.
	 */
	boolean add(PooledSession entry) {
		SessionToken token = entry.callerToken();
		Long added = this.redis.execute(this.add,
				List.of(this.keys.sessionPool(), this.keys.sessionPoolEntry(entry.sessionId()),
						this.keys.call(entry.callId()), this.keys.sessionOwner(entry.sessionId())),
				String.valueOf(this.clock.millis()), String.valueOf(this.settings.maxAge().toMillis()),
				entry.sessionId(), String.valueOf(entry.createdAt()), entry.callId(), token.apiKey(), token.token(),
				String.valueOf(token.expiresAt().toEpochMilli()), String.valueOf(entry.usableUntil()));
		return added != null && added == 1;
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
		return LuaScripts.script(name, List.class, "session-pool-lib");
	}

}
