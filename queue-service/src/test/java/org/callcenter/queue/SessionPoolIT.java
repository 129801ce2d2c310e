package org.callcenter.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.callcenter.contracts.tokens.TokenRequest;
import org.callcenter.queue.QueueClient.Reply;
import org.callcenter.queue.store.QueueKeys;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pool of OpenTok sessions created ahead of demand, each with the caller's call id
 * and token made ahead too, with two queue-service instances on one Redis (each with its
 * refiller) and token-service stood in: a dial from the pool asks token-service nothing,
 * no entry ever goes to two calls, entries past their age are never handed out, a dial
 * refused after taking an entry gives it back (or drops it when a call has it), dials go
 * on when the pool is empty, and the pool comes back to its size.
 */
class SessionPoolIT {

	private static final String NAMESPACE = "session-pool";

	private static final int POOL_SIZE = 20;

	/** The default {@code queue.session-pool.max-age}. */
	private static final Duration MAX_AGE = Duration.ofHours(2);

	private static final String ELSEWHERE = "another-instance";

	private static final QueueKeys KEYS = new QueueKeys("{" + NAMESPACE + "}");

	/**
	 * Made for each run of the class: a test rerun after a failure (failsafe, same JVM)
	 * runs {@code @BeforeAll} again, and must not find the stub the last
	 * {@code @AfterAll} closed.
	 */
	private static TokenServiceStub TOKEN_SERVICE;

	private static QueueServiceInstances instances;

	private static List<QueueClient> clients;

	private static StringRedisTemplate redis;

	@BeforeAll
	static void startTwoInstances() {
		TOKEN_SERVICE = new TokenServiceStub();
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
		// then goes on alone, rather than with another that could fill the same gap
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

	@AfterEach
	void everyPooledSessionHasItsWholeEntryAndNoCall() {
		// entries first: the refiller may add more meanwhile, each with its session
		Set<String> entryKeys = redis.keys(KEYS.sessionPoolEntries() + ":*");
		Map<String, Map<String, String>> entries = entries();
		assertThat(entries).allSatisfy((sessionId, entry) -> {
			assertThat(entry).as("entry of pooled session %s", sessionId)
				.containsOnlyKeys("callId", "apiKey", "token", "expiresAt", "usableUntil");
			assertThat(redis.hasKey(KEYS.sessionOwner(sessionId))).as("a call owns pooled session %s", sessionId)
				.isFalse();
			assertThat(redis.hasKey(KEYS.call(entry.get("callId"))))
				.as("a call has the id of pooled session %s", sessionId)
				.isFalse();
			assertThat(redis.getExpire(KEYS.sessionPoolEntry(sessionId))).as("entry %s expires", sessionId)
				.isPositive();
		});
		assertThat(entryKeys).as("entries without their pooled session")
			.allSatisfy(
					(key) -> assertThat(entries).containsKey(key.substring(KEYS.sessionPoolEntries().length() + 1)));
	}

	@Test
	void dialsFromAFilledPoolAskTokenServiceNothingAndEachGetsATokenForItsOwnCall() {
		holdTheRefillLeaseElsewhere();
		Map<String, Map<String, String>> pooled = entries();
		int requestsBefore = TOKEN_SERVICE.senders().size();

		List<Reply> dialed = new ArrayList<>();
		for (int i = 0; i < POOL_SIZE; i++) {
			dialed.add(clients.get(i % clients.size()).dial("caller " + i));
		}

		assertThat(TOKEN_SERVICE.senders()).as("requests to token-service").hasSize(requestsBefore);
		assertThat(pool()).isEmpty();
		for (Reply reply : dialed) {
			assertThat(reply.status()).isEqualTo(201);
			String sessionId = QueueServiceTestBase.sessionId(reply);
			String token = reply.body().at("/session/token").asString();
			JsonNode connectionData = TokenServiceStub.connectionData(token);
			assertThat(connectionData.get("userId").asString()).as("the call id in the token")
				.isEqualTo(reply.callId());
			assertThat(connectionData.get("userType").asString()).isEqualTo("caller");
			assertThat(pooled).containsKey(sessionId);
			assertThat(pooled.get(sessionId)).containsEntry("callId", reply.callId()).containsEntry("token", token);
			// the token was made to outlast the entry's time in the pool by a whole
			// lifetime
			assertThat(Instant.parse(reply.body().at("/session/expiresAt").asString()))
				.isAfter(Instant.now().plus(MAX_AGE));
		}
		assertThat(dialed).extracting(Reply::callId).doesNotHaveDuplicates();
	}

	@Test
	void theRefillerMakesEachEntrysTokenForItsCallIdValidForTheMaxAgeLonger() {
		holdTheRefillLeaseElsewhere();
		dialOneByOne(3);
		int requestsBefore = TOKEN_SERVICE.tokenRequests().size();

		redis.delete(KEYS.sessionPoolRefiller());

		await().atMost(Duration.ofSeconds(20)).until(() -> pool().size() == POOL_SIZE);
		List<TokenRequest> made = TOKEN_SERVICE.tokenRequests();
		List<TokenRequest> refills = made.subList(requestsBefore, made.size());
		assertThat(refills).hasSize(3).allSatisfy((request) -> {
			assertThat(request.heldFor()).isEqualTo(MAX_AGE);
			assertThat(request.userType().name()).isEqualTo("caller");
		});
		Map<String, Map<String, String>> entries = entries();
		assertThat(entries.values()).extracting((entry) -> entry.get("callId"))
			.containsAll(refills.stream().map(TokenRequest::userId).toList());
		entries.forEach((sessionId, entry) -> assertThat(entry.get("token"))
			.isEqualTo(TokenServiceStub.tokenFor(sessionId, "caller", entry.get("callId"))));
	}

	@Test
	void concurrentDialsOnTwoInstancesNeverGetTheSameEntry() throws Exception {
		Map<String, String> callIdsBefore = callIdsOfEntries();
		int createdBefore = TOKEN_SERVICE.sessionsCreated();
		List<Reply> replies = dialAtOnce(200, 16);
		List<String> dialed = replies.stream().map(QueueServiceTestBase::sessionId).toList();
		List<String> callIds = replies.stream().map(Reply::callId).toList();

		assertThat(dialed).as("every dial's session").hasSize(200).doesNotHaveDuplicates();
		assertThat(callIds).as("every dial's call id").doesNotHaveDuplicates();
		assertThat(dialed).as("sessions taken from the pool").containsAnyElementsOf(callIdsBefore.keySet());
		for (Reply reply : replies) {
			String sessionId = QueueServiceTestBase.sessionId(reply);
			if (callIdsBefore.containsKey(sessionId)) {
				assertThat(reply.callId()).as("call id of the pooled session %s", sessionId)
					.isEqualTo(callIdsBefore.get(sessionId));
			}
		}
		assertThat(TOKEN_SERVICE.createdSessionIds()).as("every session handed out was created").containsAll(dialed);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Map<String, String> pooled = callIdsOfEntries();
			assertThat(pooled.keySet()).as("pooled sessions that a call owns").doesNotContainAnyElementsOf(dialed);
			assertThat(pooled.values()).as("pooled call ids that a call has").doesNotContainAnyElementsOf(callIds);
			// every session created went to one dial or is still in the pool: none twice,
			// none lost
			List<String> accounted = new ArrayList<>(dialed);
			accounted.addAll(pooled.keySet());
			List<String> created = new ArrayList<>(callIdsBefore.keySet());
			List<String> all = TOKEN_SERVICE.createdSessionIds();
			created.addAll(all.subList(createdBefore, all.size()));
			assertThat(accounted).containsExactlyInAnyOrderElementsOf(created);
		});
	}

	@Test
	void anEntryOlderThanTheMaxAgeIsNeverHandedOut() {
		holdTheRefillLeaseElsewhere();
		List<String> inLine = new ArrayList<>(redis.opsForZSet().range(KEYS.sessionPool(), 0, 1));
		String old = inLine.get(0);
		// made just over the max age ago: the first in line, were it still good
		redis.opsForZSet().add(KEYS.sessionPool(), old, Instant.now().minus(MAX_AGE).minusSeconds(1).toEpochMilli());
		// its token made for a max age (then shorter) that has passed: next in line
		String outlived = inLine.get(1);
		redis.opsForHash()
			.put(KEYS.sessionPoolEntry(outlived), "usableUntil", String.valueOf(Instant.now().toEpochMilli() - 1));

		List<String> dialed = dialOneByOne(POOL_SIZE - 2);

		assertThat(dialed).doesNotContain(old, outlived);
		assertThat(pool()).isEmpty();
		assertThat(redis.hasKey(KEYS.sessionPoolEntry(old))).isFalse();
		assertThat(redis.hasKey(KEYS.sessionPoolEntry(outlived))).isFalse();
		assertThat(QueueServiceTestBase.sessionId(clients.get(0).dial("one more"))).as("created for the dial")
			.isNotIn(old, outlived);
	}

	@Test
	void aDialThatFailsAfterTakingItsEntryStoresNoCallAndGivesTheEntryBackUnused() {
		holdTheRefillLeaseElsewhere();
		TypedTuple<String> first = redis.opsForZSet().rangeWithScores(KEYS.sessionPool(), 0, 0).iterator().next();
		Map<String, Map<String, String>> before = entries();
		// the dial script fails before it writes anything (its arrival number cannot be
		// drawn)
		redis.opsForValue().set(KEYS.space() + ":seq", "not a number");

		Reply failed = clients.get(0).dial("Ann");

		assertThat(failed.status()).isEqualTo(500);
		assertThat(entries()).as("the pool, its taken entry back as it was").isEqualTo(before);
		assertThat(redis.opsForZSet().score(KEYS.sessionPool(), first.getValue())).isEqualTo(first.getScore());
		assertNoCallStored();

		redis.delete(KEYS.space() + ":seq");
		Reply dialed = clients.get(1).dial("Ann");

		assertThat(dialed.status()).isEqualTo(201);
		assertThat(QueueServiceTestBase.sessionId(dialed)).isEqualTo(first.getValue());
		assertThat(dialed.callId()).isEqualTo(before.get(first.getValue()).get("callId"));
	}

	@Test
	void aDialRefusedBecauseACallHasItsEntrysCallIdDropsTheEntry() {
		holdTheRefillLeaseElsewhere();
		String first = redis.opsForZSet().range(KEYS.sessionPool(), 0, 0).iterator().next();
		String callId = entries().get(first).get("callId");
		redis.opsForHash().put(KEYS.call(callId), "id", callId);

		Reply refused = clients.get(0).dial("Ann");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("urn:callcenter:problem:call-exists");
		// its token names a call id that is taken: no dial could use it
		assertThat(pool()).hasSize(POOL_SIZE - 1).doesNotContain(first);
		assertThat(redis.hasKey(KEYS.sessionPoolEntry(first))).isFalse();
		assertThat(redis.hasKey(KEYS.sessionOwner(first))).isFalse();
		assertThat(redis.opsForSet().size(KEYS.space() + ":live")).isZero();
		redis.delete(KEYS.call(callId));
	}

	@Test
	void aDialFromThePoolGoesThroughWhileTokenServiceIsDown() {
		holdTheRefillLeaseElsewhere();
		TOKEN_SERVICE.failing(true);

		Reply dialed = clients.get(0).dial("Ann");

		assertThat(dialed.status()).isEqualTo(201);
		assertThat(pool()).hasSize(POOL_SIZE - 1);
	}

	@Test
	void withThePoolDrainedDialsCreateTheirSessionsAndTokens() {
		holdTheRefillLeaseElsewhere();
		Set<String> pooled = pool();

		List<String> fromPool = dialOneByOne(POOL_SIZE);
		int createdBefore = TOKEN_SERVICE.sessionsCreated();
		int tokensBefore = TOKEN_SERVICE.tokenRequests().size();
		List<String> created = dialOneByOne(3);

		assertThat(fromPool).containsExactlyInAnyOrderElementsOf(pooled);
		assertThat(pool()).isEmpty();
		assertThat(created).doesNotContainAnyElementsOf(pooled);
		assertThat(TOKEN_SERVICE.createdSessionIds()).endsWith(created.toArray(String[]::new));
		assertThat(TOKEN_SERVICE.sessionsCreated()).isEqualTo(createdBefore + 3);
		List<TokenRequest> made = TOKEN_SERVICE.tokenRequests();
		assertThat(made.subList(tokensBefore, made.size())).as("tokens made for the dials")
			.hasSize(3)
			.allSatisfy((request) -> assertThat(request.heldFor()).isNull());
	}

	@Test
	void withThePoolDrainedADialWhoseTokenServiceFailsStoresNoCall() {
		holdTheRefillLeaseElsewhere();
		dialOneByOne(POOL_SIZE);
		clearCalls();
		TOKEN_SERVICE.failing(true);

		Reply failed = clients.get(0).dial("Ann");

		assertThat(failed.status()).isEqualTo(502);
		assertThat(failed.problemType()).isEqualTo("urn:callcenter:problem:token-service-unavailable");
		assertNoCallStored();
	}

	@Test
	void theRefillerBringsADrainedPoolBackToItsSizeOnce() {
		holdTheRefillLeaseElsewhere();
		dialOneByOne(POOL_SIZE);
		assertThat(pool()).isEmpty();
		int createdBefore = TOKEN_SERVICE.sessionsCreated();
		int tokensBefore = TOKEN_SERVICE.tokenRequests().size();

		redis.delete(KEYS.sessionPoolRefiller());

		await().atMost(Duration.ofSeconds(20)).until(() -> pool().size() == POOL_SIZE);
		// two instances refill, but by lease: the gap was filled once
		assertThat(TOKEN_SERVICE.sessionsCreated()).isEqualTo(createdBefore + POOL_SIZE);
		assertThat(TOKEN_SERVICE.tokenRequests()).hasSize(tokensBefore + POOL_SIZE);
	}

	/** Another instance refills (or seems to): the pool changes only by dials. */
	private static void holdTheRefillLeaseElsewhere() {
		redis.opsForValue().set(KEYS.sessionPoolRefiller(), ELSEWHERE, Duration.ofMinutes(5));
	}

	/** Every key but the session pool's. */
	private static void clearCalls() {
		Set<String> keys = redis.keys(KEYS.space() + "*");
		keys.removeIf((key) -> key.startsWith(KEYS.sessionPool()));
		redis.delete(keys);
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

	/** The pooled sessions, each with its entry. */
	private static Map<String, Map<String, String>> entries() {
		Map<String, Map<String, String>> entries = new HashMap<>();
		for (String sessionId : pool()) {
			Map<String, String> entry = new HashMap<>();
			redis.opsForHash()
				.entries(KEYS.sessionPoolEntry(sessionId))
				.forEach((field, value) -> entry.put((String) field, (String) value));
			entries.put(sessionId, entry);
		}
		return entries;
	}

	private static Map<String, String> callIdsOfEntries() {
		Map<String, String> callIds = new HashMap<>();
		entries().forEach((sessionId, entry) -> callIds.put(sessionId, entry.get("callId")));
		return callIds;
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

	private static List<Reply> dialAtOnce(int dials, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Reply>> replies = new ArrayList<>();
			for (int i = 0; i < dials; i++) {
				QueueClient api = clients.get(i % clients.size());
				String name = "caller " + i;
				replies.add(pool.submit(() -> api.dial(name)));
			}
			List<Reply> answers = new ArrayList<>();
			for (Future<Reply> reply : replies) {
				Reply dialed = reply.get();
				assertThat(dialed.status()).isEqualTo(201);
				String token = dialed.body().at("/session/token").asString();
				assertThat(token).isEqualTo(
						TokenServiceStub.tokenFor(QueueServiceTestBase.sessionId(dialed), "caller", dialed.callId()));
				assertThat(TokenServiceStub.connectionData(token).get("userId").asString()).isEqualTo(dialed.callId());
				answers.add(dialed);
			}
			return answers;
		}
		finally {
			pool.shutdown();
		}
	}

}
