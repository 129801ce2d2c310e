package org.callcenter.queue.sessionpool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.queue.system.RedisLease;
import org.callcenter.queue.tokens.TokenServiceClient;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the session pool at its target: {@code queue.session-pool.size} sessions, more
 * (up to {@code max-size}) when the last demand window saw more dials. Every instance
 * runs one, but only the holder of a lease in Redis refills, so two instances never fill
 * the same gap twice (if the lease runs out in the middle of a round, another instance
 * may briefly add a few too many: they are used by later dials or expire). It runs on a
 * thread of its own, since a round waits for token-service (and OpenTok), which must not
 * hold up the sweeps on the scheduler; it looks again when a dial on this instance left
 * the pool below half its size, and after {@code refill-interval} at the latest.
 */
@Component
class SessionPoolRefiller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SessionPoolRefiller.class);

	/**
	 * Sessions asked of token-service at once: enough to refill quickly with OpenTok's
	 * latency, few enough not to crowd out the dials that create their own.
	 */
	private static final int PARALLEL = 4;

	private final SessionPool pool;

	private final TokenServiceClient tokens;

	private final Duration interval;

	/**
	 * Long enough (10 s, or 5 intervals if longer) to outlast a round of
	 * {@link #PARALLEL} session creations.
	 */
	private final RedisLease lease;

	private ExecutorService creators;

	private boolean failing;

	SessionPoolRefiller(SessionPool pool, TokenServiceClient tokens) {
		this.pool = pool;
		this.tokens = tokens;
		this.interval = pool.settings().refillInterval();
		this.lease = pool.refillerLease(max(Duration.ofSeconds(10), this.interval.multipliedBy(5)));
	}

	@Override
	public void start() {
		if (!this.pool.settings().enabled()) {
			return;
		}
		this.creators = Executors.newFixedThreadPool(PARALLEL, (task) -> daemon(task, "session-pool-creator"));
		this.lease.start("session-pool-refiller", this::refillUntilStopped);
	}

	@Override
	public void stop() {
		this.lease.stop(Duration.ofSeconds(5));
		if (this.creators != null) {
			this.creators.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.lease.running();
	}

	private void refillUntilStopped() {
		while (this.lease.running()) {
			try {
				refill();
				this.pool.awaitRunningLow(this.interval);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				failed(ex);
				pause();
			}
		}
	}

	/**
	 * One round: while this instance holds the lease and the pool is below its target,
	 * creates up to {@link #PARALLEL} sessions at once and adds each as soon as it is
	 * there. A failure of token-service ends the round; the next one tries again.
	 */
	private void refill() throws InterruptedException {
		int missing;
		while (this.lease.running() && this.lease.hold() && (missing = this.pool.missing()) > 0) {
			List<CompletableFuture<Void>> batch = new ArrayList<>();
			for (int i = 0; i < Math.min(PARALLEL, missing); i++) {
				batch.add(CompletableFuture.runAsync(() -> this.pool.add(this.tokens.createSession().sessionId()),
						this.creators));
			}
			try {
				CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
			}
			catch (java.util.concurrent.CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
			}
			if (Thread.interrupted()) {
				throw new InterruptedException();
			}
		}
		if (this.failing) {
			this.failing = false;
			log.info("session pool refilled again");
		}
	}

	/** Says so once per failing spell, not once per round. */
	private void failed(RuntimeException ex) {
		if (!this.failing && this.lease.running()) {
			log.warn("session pool not refilled, dials create their sessions meanwhile: {}", ex.toString());
		}
		this.failing = true;
	}

	private void pause() {
		try {
			Thread.sleep(this.interval.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
