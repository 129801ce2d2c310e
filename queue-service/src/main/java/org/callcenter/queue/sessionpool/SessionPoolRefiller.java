package org.callcenter.queue.sessionpool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.contracts.sessions.ConnectionData.UserType;
import org.callcenter.contracts.tokens.SessionToken;
import org.callcenter.queue.system.Ids;
import org.callcenter.queue.system.RedisLease;
import org.callcenter.queue.tokens.TokenServiceClient;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the session pool at its target: {@code queue.session-pool.size} entries, more (up
 * to {@code max-size}) when the last demand window saw more dials. Each entry is what a
 * dial would otherwise ask token-service for: a new session, a call id made now, and the
 * caller's token for that session and call, which token-service makes valid for
 * {@code max-age} longer than a dial's token (the entry is handed out within
 * {@code max-age}, so a full token lifetime is left then). Every instance runs one, but
 * only the holder of a lease in Redis refills, so two instances never fill the same gap
 * twice (if the lease runs out in the middle of a round, another instance may briefly add
 * a few too many: they are used by later dials or expire). It runs on a thread of its
 * own, since a round waits for token-service (and OpenTok), which must not hold up the
 * sweeps on the scheduler; it looks again when a dial on this instance left the pool
 * below half its size, and after {@code refill-interval} at the latest.
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

	private final Clock clock;

	private final Duration interval;

	/**
	 * Long enough (10 s, or 5 intervals if longer) to outlast a round of
	 * {@link #PARALLEL} session creations.
	 */
	private final RedisLease lease;

	private ExecutorService creators;

	private boolean failing;

	SessionPoolRefiller(SessionPool pool, TokenServiceClient tokens, Clock clock) {
		this.pool = pool;
		this.tokens = tokens;
		this.clock = clock;
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
	 * makes up to {@link #PARALLEL} entries at once and adds each as soon as it is there.
	 * A failure of token-service ends the round; the next one tries again.
	 */
	private void refill() throws InterruptedException {
		int missing;
		while (this.lease.running() && this.lease.hold() && (missing = this.pool.missing()) > 0) {
			List<CompletableFuture<Void>> batch = new ArrayList<>();
			for (int i = 0; i < Math.min(PARALLEL, missing); i++) {
				batch.add(CompletableFuture.runAsync(this::addEntry, this.creators));
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

	/**
	 * Makes one entry and adds it. Its age counts from before its session was created, so
	 * its token, made after, is valid a full lifetime past the entry's max age. A session
	 * or token lost on a failure here costs nothing: nobody has seen it.
	 */
	private void addEntry() {
		long begun = this.clock.millis();
		Duration maxAge = this.pool.settings().maxAge();
		String sessionId = this.tokens.createSession().sessionId();
		String callId = Ids.newCallId();
		SessionToken token = this.tokens.tokenHeldFor(sessionId, callId, UserType.caller, maxAge);
		if (token.expiresAt().isBefore(Instant.ofEpochMilli(begun).plus(maxAge))) {
			// a token-service of an earlier version, which ignores heldFor: its tokens
			// would
			// expire in the pool
			throw new IllegalStateException("token-service made a caller's token that expires before its pool entry's "
					+ "max age; it must honour the token request's heldFor");
		}
		this.pool.add(new PooledSession(callId, token, begun, begun + maxAge.toMillis()));
	}

	/** Says so once per failing spell, not once per round. */
	private void failed(RuntimeException ex) {
		if (!this.failing && this.lease.running()) {
			log.warn("session pool not refilled, dials create their sessions and tokens meanwhile: {}", ex.toString());
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
