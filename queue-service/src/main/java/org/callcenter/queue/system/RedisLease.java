package org.callcenter.queue.system;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Work that every instance is ready to do but only one at a time does (the outbox relay,
 * the session pool's refiller): each instance runs it on a daemon thread of its own, and
 * the work goes ahead only while {@link #hold()} says this instance holds the lease in
 * Redis. The lease lapses after its length unless renewed, so another instance takes over
 * within that time when the holder dies or stops; while it is renewed, nobody else gets
 * it. The holder is this instance's {@link #owner()} id, for scripts that must check it
 * in the same atomic step as their work.
 */
public final class RedisLease {

	private static final RedisScript<Long> TAKE = LuaScripts.script("lease", Long.class);

	private final StringRedisTemplate redis;

	private final String key;

	private final Duration length;

	private final String owner = UUID.randomUUID().toString();

	private volatile boolean running;

	private Thread worker;

	/**
	 * @param key the lease's key; its value is the holder's id
	 * @param length how long the lease lasts without renewal
	 */
	public RedisLease(StringRedisTemplate redis, String key, Duration length) {
		this.redis = redis;
		this.key = key;
		this.length = length;
	}

	/**
	 * Takes the lease, or renews it if this instance holds it already: whether this
	 * instance holds it now (for its length from now).
	 */
	public boolean hold() {
		Long held = this.redis.execute(TAKE, List.of(this.key), this.owner, String.valueOf(this.length.toMillis()));
		return held != null && held == 1;
	}

	/** This instance's id, the lease's value while it holds it. */
	public String owner() {
		return this.owner;
	}

	/**
	 * Starts {@code work} on a daemon thread named {@code name}; it should loop while
	 * {@link #running()}.
	 */
	public void start(String name, Runnable work) {
		this.running = true;
		this.worker = new Thread(work, name);
		this.worker.setDaemon(true);
		this.worker.start();
	}

	/**
	 * Tells the work to stop (interrupting it) and waits for it at most {@code patience}.
	 * The lease is not given up: it lapses, as it would if this instance had died.
	 */
	public void stop(Duration patience) {
		this.running = false;
		if (this.worker != null) {
			this.worker.interrupt();
			try {
				this.worker.join(patience.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Between {@link #start} and {@link #stop}. */
	public boolean running() {
		return this.running;
	}

}
