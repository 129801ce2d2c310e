package org.callcenter.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.callcenter.queue.QueueClient.Reply;
import org.callcenter.queue.store.QueueKeys;
import org.callcenter.testsupport.RealKafka;

import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pool of OpenTok sessions created ahead of demand, with two queue-service instances
 * on one Redis (each with its refiller) and token-service stood in: no session ever goes
 * to two calls, dials go on when the pool is empty, the pool comes back to its size, and
 * a dial that fails leaves no call behind and its session accounted for.
 */
class SessionPoolIT {

	private static final String NAMESPACE = "session-pool";

	private static final int POOL_SIZE = 20;

	private static final String ELSEWHERE = "another-instance";

	private static final QueueKeys KEYS = new QueueKeys("{" + NAMESPACE + "}");

	private static final TokenServiceStub TOKEN_SERVICE = new TokenServiceStub();

	private static QueueServiceInstances instances;

	private static List<QueueClient> clients;

	private static StringRedisTemplate redis;

	@BeforeAll
	static void startTwoInstances() {
		instances = new QueueServiceInstances(2, NAMESPACE, TOKEN_SERVICE,
				// a fixed target, whatever the dials of the last window
				"--queue.session-pool.size=" + POOL_SIZE, "--queue.session-pool.max-size=" + POOL_SIZE,
				"--queue.session-pool.refill-interval=100ms");
		clients = instances.clients();
		redis = instances.bean(StringRedisTemplate.class);
	}

	@AfterAll
	static void stopInstances() {
		instances.close();
		TOKEN_SERVICE.close();
	}

	@BeforeEach
	void startFromAFullPool() {
		TOKEN_SERVICE.failing(false);
		TOKEN_SERVICE.refusingTokens(false);
		// everything but the refiller's lease: a refiller still busy from the last test
		// then
		// goes on alone, rather than with another that could fill the same gap
		if (ELSEWHERE.equals(redis.opsForValue().get(KEYS.sessionPoolRefiller()))) {
			redis.delete(KEYS.sessionPoolRefiller());
		}
		Set<String> keys = redis.keys(KEYS.space() + "*");
		if (keys != null) {
			keys.remove(KEYS.sessionPoolRefiller());
			if (!keys.isEmpty()) {
				redis.delete(keys);
			}
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> pool().size() == POOL_SIZE);
	}

	@Test
	void concurrentDialsOnTwoInstancesNeverGetTheSameSession() throws Exception {
		Set<String> before = pool();
		int createdBefore = TOKEN_SERVICE.sessionsCreated();
		List<String> dialed = dialAtOnce(200, 16);

		assertThat(dialed).as("every dial's session").hasSize(200).doesNotHaveDuplicates();
		assertThat(dialed).as("sessions taken from the pool").containsAnyElementsOf(before);
		assertThat(TOKEN_SERVICE.createdSessionIds()).as("every session handed out was created").containsAll(dialed);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Set<String> pooled = pool();
			assertThat(pooled).as("pooled sessions that a call owns").doesNotContainAnyElementsOf(dialed);
			assertThat(pooled)
				.allSatisfy((sessionId) -> assertThat(redis.hasKey(KEYS.space() + ":session:" + sessionId))
					.as("a call owns pooled session %s", sessionId)
					.isFalse());
			// every session created went to one dial or is still in the pool: none twice,
			// none lost
			List<String> accounted = new ArrayList<>(dialed);
			accounted.addAll(pooled);
			List<String> created = new ArrayList<>(before);
			List<String> all = TOKEN_SERVICE.createdSessionIds();
			created.addAll(all.subList(createdBefore, all.size()));
			assertThat(accounted).containsExactlyInAnyOrderElementsOf(created);
		});
	}

	@Test
	void withThePoolDrainedDialsCreateTheirSessions() {
		holdTheRefillLeaseElsewhere();
		Set<String> pooled = pool();

		List<String> fromPool = dialOneByOne(POOL_SIZE);
		int createdBefore = TOKEN_SERVICE.sessionsCreated();
		List<String> created = dialOneByOne(3);

		assertThat(fromPool).containsExactlyInAnyOrderElementsOf(pooled);
		assertThat(pool()).isEmpty();
		assertThat(created).doesNotContainAnyElementsOf(pooled);
		assertThat(TOKEN_SERVICE.createdSessionIds()).endsWith(created.toArray(String[]::new));
		assertThat(TOKEN_SERVICE.sessionsCreated()).isEqualTo(createdBefore + 3);
	}

	@Test
	void theRefillerBringsADrainedPoolBackToItsSizeOnce() {
		holdTheRefillLeaseElsewhere();
		dialOneByOne(POOL_SIZE);
		assertThat(pool()).isEmpty();
		int createdBefore = TOKEN_SERVICE.sessionsCreated();

		redis.delete(KEYS.sessionPoolRefiller());

		await().atMost(Duration.ofSeconds(20)).until(() -> pool().size() == POOL_SIZE);
		// two instances refill, but by lease: the gap was filled once
		assertThat(TOKEN_SERVICE.sessionsCreated()).isEqualTo(createdBefore + POOL_SIZE);
	}

	@Test
	void aDialWhoseTokenFailsStoresNoCallAndPutsItsSessionBack() {
		Set<String> before = pool();
		TOKEN_SERVICE.failing(true);

		Reply failed = clients.get(0).dial("Ann");

		assertThat(failed.status()).isEqualTo(502);
		assertThat(pool()).as("the pool, its taken session back").isEqualTo(before);
		assertNoCallStored();
	}

	@Test
	void aDialWhoseTokenTokenServiceRefusesStoresNoCallAndDropsItsSession() {
		holdTheRefillLeaseElsewhere();
		Set<String> before = pool();
		TOKEN_SERVICE.refusingTokens(true);

		Reply failed = clients.get(1).dial("Ann");

		assertThat(failed.status()).isEqualTo(502);
		// a session token-service refuses would fail every dial that took it again
		Set<String> after = pool();
		assertThat(after).hasSize(POOL_SIZE - 1);
		assertThat(before).containsAll(after);
		assertNoCallStored();
	}

	/** Another instance refills (or seems to): the pool changes only by dials. */
	private static void holdTheRefillLeaseElsewhere() {
		redis.opsForValue().set(KEYS.sessionPoolRefiller(), ELSEWHERE, Duration.ofMinutes(5));
	}

	private static void assertNoCallStored() {
		assertThat(redis.opsForSet().size(KEYS.space() + ":live")).isZero();
		assertThat(redis.keys(KEYS.space() + ":call:*")).isEmpty();
		assertThat(redis.keys(KEYS.space() + ":session:*")).isEmpty();
		assertThat(redis.hasKey(KEYS.outbox())).isFalse();
	}

	private static Set<String> pool() {
		Set<String> members = redis.opsForZSet().range(KEYS.sessionPool(), 0, -1);
		return (members != null) ? new HashSet<>(members) : Set.of();
	}

	private static List<String> dialOneByOne(int dials) {
		List<String> sessions = new ArrayList<>();
		for (int i = 0; i < dials; i++) {
			Reply dialed = clients.get(i % clients.size()).dial("caller " + i);
			assertThat(dialed.status()).isEqualTo(201);
			sessions.add(QueueServiceTestBase.sessionId(dialed));
		}
		return sessions;
	}

	private static List<String> dialAtOnce(int dials, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Reply>> replies = new ArrayList<>();
			for (int i = 0; i < dials; i++) {
				QueueClient api = clients.get(i % clients.size());
				String name = "caller " + i;
				replies.add(pool.submit(() -> api.dial(name)));
			}
			List<String> sessions = new ArrayList<>();
			for (Future<Reply> reply : replies) {
				Reply dialed = reply.get();
				assertThat(dialed.status()).isEqualTo(201);
				assertThat(dialed.body().at("/session/token").asString()).isEqualTo(
						TokenServiceStub.tokenFor(QueueServiceTestBase.sessionId(dialed), "caller", dialed.callId()));
				sessions.add(QueueServiceTestBase.sessionId(dialed));
			}
			return sessions;
		}
		finally {
			pool.shutdown();
		}
	}

}
