package org.callcenter.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.QueueMove;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.contracts.sessions.SessionEventType;
import org.callcenter.queue.QueueClient.Reply;
import org.callcenter.queue.store.QueueKeys;
import org.callcenter.testsupport.RealKafka;
import org.callcenter.testsupport.TopicRecorder;

import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two queue-service instances on one Redis, 8 threads issuing 2,000 random operations
 * through both, with at most {@value #CAP} callers per agent: callers dial, connect, drop
 * and leave; agents go online, away (handing back callers or not), available and offline,
 * accept, decline offers (three of them are offered their callers), hold, resume,
 * transfer (to each other or back to the queue) and end calls; wrap-ups and offers end by
 * themselves meanwhile. Callers dial into three queues that agents serve by skill, some
 * as backups. Afterwards the whole state must be consistent, no caller lost, no session
 * given to two calls (dials take them from the session pool both instances share), no
 * caller given by routing to an agent without its queue's skill (nor to a backup before
 * the backup delay), and the call events on Kafka must tell each call's story without a
 * gap.
 */
class ConcurrencyIT {

	private static final String NAMESPACE = "concurrency";

	private static final int THREADS = 8;

	private static final int OPERATIONS_PER_THREAD = 250;

	private static final List<String> AGENTS = List.of("a1", "a2", "a3", "a4", "a5", "a6");

	private static final int CAP = 3;

	/** q1 takes dials naming no queue; q2 goes first for agents serving it. */
	private static final List<String> QUEUES = List.of("q1", "q2", "q3");

	private static final Duration BACKUP_DELAY = Duration.ofSeconds(1);

	/**
	 * Skills by agent (level 1 primary, 2 backup); a5 is not named, so it serves every
	 * queue as a primary.
	 */
	private static final Map<String, Map<String, Integer>> SKILLS = Map.of("a1", Map.of("q1", 1, "q2", 2), "a2",
			Map.of("q1", 1, "q3", 1), "a3", Map.of("q2", 1), "a4", Map.of("q3", 1, "q1", 2), "a6",
			Map.of("q2", 1, "q3", 2));

	/**
	 * Fewest successes of each kind of operation for a run to count. Holds and resumes
	 * succeed least (9 to 23 times in 2,000 operations, varying with the interleaving):
	 * low enough never to flake.
	 */
	private static final int MIN_SUCCESSES = 3;

	/**
	 * Made for each run of the class: a test rerun after a failure (failsafe, same JVM)
	 * runs {@code @BeforeAll} again, and must not find the stub the last
	 * {@code @AfterAll} closed.
	 */
	private static TokenServiceStub TOKEN_SERVICE;

	private static QueueServiceInstances instances;

	private static List<QueueClient> clients;

	@BeforeAll
	static void startTwoInstances() {
		TOKEN_SERVICE = new TokenServiceStub();
		List<String> settings = new ArrayList<>(List.of(
				// a cap, so that callers wait and the queue moves while agents are
				// online
				"--queue.max-callers-per-agent=" + CAP,
				// wrap-ups that end while the run goes on (swept every 100 ms)
				"--queue.sweep-interval=100ms", "--queue.agent-workflow.wrap-up-by-agent.a1=300ms",
				"--queue.agent-workflow.wrap-up-by-agent.a2=300ms",
				// a2, a3 and a4 are offered their callers, and decline or miss some
				"--queue.offers.agents=a2,a3,a4", "--queue.offers.timeout=3s", "--queue.offers.misses-before-away=3"));
		settings.addAll(queueSettings());
		instances = new QueueServiceInstances(2, NAMESPACE, TOKEN_SERVICE, settings.toArray(String[]::new));
		clients = instances.clients();
	}

	/** The three queues, and every agent's skills but a5's. */
	private static List<String> queueSettings() {
		List<String> settings = new ArrayList<>();
		for (int i = 0; i < QUEUES.size(); i++) {
			settings.add("--queue.queues[" + i + "].id=" + QUEUES.get(i));
			settings.add("--queue.queues[" + i + "].display-name=Queue " + QUEUES.get(i));
			settings.add("--queue.queues[" + i + "].backup-delay=" + BACKUP_DELAY.toMillis() + "ms");
		}
		settings.add("--queue.queues[1].priority=3");
		SKILLS.forEach((agent, skills) -> skills
			.forEach((queue, level) -> settings.add("--queue.skills." + agent + "." + queue + "=" + level)));
		return settings;
	}

	@AfterAll
	static void stopInstances() {
		instances.close();
		TOKEN_SERVICE.close();
	}

	@Test
	void randomConcurrentOperationsOnTwoInstancesKeepEveryInvariant() throws Exception {
		Set<String> dialed = ConcurrentHashMap.newKeySet();
		Map<String, String> sessions = new ConcurrentHashMap<>();
		List<String> unexpected = new CopyOnWriteArrayList<>();
		Map<String, Integer> outcomes = new ConcurrentHashMap<>();
		java.time.Instant start = java.time.Instant.now();
		try (TopicRecorder<CallEvent> events = new TopicRecorder<>(RealKafka.shared().bootstrapServers(),
				Topics.CALL_EVENTS, CallEvent.class);
				TopicRecorder<AgentEvent> agentEvents = new TopicRecorder<>(RealKafka.shared().bootstrapServers(),
						Topics.AGENT_EVENTS, AgentEvent.class)) {
			ExecutorService threads = Executors.newFixedThreadPool(THREADS);
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				long seed = 1000 + t;
				work.add(threads
					.submit(() -> runRandomOperations(new Random(seed), dialed, sessions, unexpected, outcomes)));
			}
			for (Future<?> done : work) {
				done.get();
			}
			threads.shutdown();

			assertThat(unexpected).as("answers other than 2xx, 403, 404 and 409").isEmpty();
			assertEveryTransitionHappenedOften(outcomes);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> RealKafka.shared().caughtUp("queue-service-" + NAMESPACE, Topics.SESSION_EVENTS));

			JsonNode snapshot = clients.get(0).snapshot().body();
			assertEveryLiveCallerIsInExactlyOnePlace(snapshot);
			assertNoCallerWasLost(snapshot, dialed);
			assertEverySessionWentToOneCallOnly(sessions);
			assertEventsTellEveryCallsStory(events, dialed);
			assertAgentEventsTellEveryAgentsStates(agentEvents, start);
			assertCallersWentOnlyToAvailableAgents(events, agentEvents, start);
			assertWrapUpsAreExactlyTheAgentsInWrapUp();
			assertOffersAreExactlyTheOfferedCalls();
			assertPlacesFollowFromTheNumberedQueueMoves(events, dialed);
			System.out.printf("concurrency: %d operations, outcomes %s, %d calls, %d still live, %d offers%n",
					THREADS * OPERATIONS_PER_THREAD, new java.util.TreeMap<>(outcomes), dialed.size(),
					snapshot.get("liveCalls").size(), events.values((e) -> e.type() == CallEventType.OFFERED).size());
		}
	}

	private void runRandomOperations(Random random, Set<String> dialed, Map<String, String> sessions,
			List<String> unexpected, Map<String, Integer> outcomes) {
		for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
			QueueClient api = clients.get(random.nextInt(clients.size()));
			String agent = AGENTS.get(random.nextInt(AGENTS.size()));
			// mostly a call not seen ended yet
			String call = pick(random,
					(random.nextInt(10) < 8 && !this.notSeenEnded.isEmpty()) ? this.notSeenEnded : dialed);
			int roll = random.nextInt(136);
			String operation;
			Reply reply;
			if (roll < 20 || call == null) {
				operation = "dial";
				reply = api.dialInto(QUEUES.get(random.nextInt(QUEUES.size())), "caller");
				if (reply.status() == 201) {
					dialed.add(reply.callId());
					this.notSeenEnded.add(reply.callId());
					sessions.put(reply.callId(), QueueServiceTestBase.sessionId(reply));
					if ("WAITING".equals(reply.state())) {
						JsonNode waiting = reply.call();
						this.placeAtDial.put(reply.callId(), new long[] { waiting.get("queuePosition").asLong(),
								waiting.get("queueVersion").asLong(), waiting.get("arrival").asLong() });
					}
					if (random.nextInt(10) < 8) { // most callers connect right away, some
													// late or never
						connect(reply.callId(), sessions.get(reply.callId()));
					}
					if ("WAITING".equals(reply.state()) && reply.position() > 1 && random.nextInt(10) < 9) {
						// most callers far back in line hang up: the queue stays short,
						// so
						// agents have room at times (a warm transfer needs a colleague
						// with room)
						Reply left = api.leave(reply.callId());
						outcomes.merge("leave:" + left.status(), 1, Integer::sum);
						remember(left);
					}
				}
			}
			else if (roll < 30) {
				// the caller connects, loses its connection (a reload) or comes back on a
				// new one
				int connection = random.nextInt(3);
				boolean drop = random.nextInt(3) == 0;
				operation = drop ? "drop" : "connect";
				SessionEvents.publish(SessionEvents.connection(
						drop ? SessionEventType.CONNECTION_DESTROYED : SessionEventType.CONNECTION_CREATED,
						sessions.get(call), "conn-" + call + "-" + connection, "caller", call));
				reply = new Reply(202, null);
			}
			else if (roll < 36) {
				operation = "leave";
				reply = api.leave(call);
			}
			else if (roll < 47) {
				operation = "accept";
				String offered = (random.nextInt(10) < 3) ? pick(random, this.lastSeenOffered) : null;
				String target = (offered != null) ? offered : call;
				reply = api.accept(ownerOr(api, target, agent, unexpected), target);
			}
			else if (roll < 54) {
				operation = "decline";
				String offered = (random.nextInt(10) < 9) ? pick(random, this.lastSeenOffered) : null;
				String target = (offered != null) ? offered : call;
				reply = api.decline(ownerOr(api, target, agent, unexpected), target);
			}
			else if (roll < 64) {
				operation = "hold";
				String talking = (random.nextInt(10) < 8) ? pick(random, this.lastSeenOnCall) : null;
				String target = (talking != null) ? talking : call;
				reply = api.hold(ownerOr(api, target, agent, unexpected), target);
			}
			else if (roll < 68) {
				// to another agent (who may be away, full or offline), or back to the
				// queue
				operation = "transfer";
				String talking = (random.nextInt(10) < 6) ? pick(random, this.lastSeenOnCall) : null;
				String target = (talking != null) ? talking : call;
				String to = random.nextBoolean() ? null : AGENTS.get(random.nextInt(AGENTS.size()));
				reply = api.transfer(ownerOr(api, target, agent, unexpected), target, to, "note " + i);
			}
			else if (roll < 82) {
				operation = "resume";
				String held = (random.nextInt(10) < 8) ? pick(random, this.lastSeenOnHold) : null;
				String target = (held != null) ? held : call;
				reply = api.resume(ownerOr(api, target, agent, unexpected), target);
			}
			else if (roll < 90) {
				operation = "end";
				reply = random.nextBoolean() ? api.end(ownerOr(api, call, agent, unexpected), call) : api
					.end(ownerOr(api, call, agent, unexpected), call, Map.of("outcome", "resolved", "notes", "n" + i));
			}
			else if (roll < 93) {
				operation = "online";
				reply = api.goOnline(agent);
			}
			else if (roll < 95) {
				operation = "offline";
				reply = api.goOffline(agent);
			}
			else if (roll < 97) {
				operation = "away";
				reply = api.goAway(agent, "break", random.nextBoolean());
			}
			else if (roll < 100) {
				operation = "available";
				reply = api.becomeAvailable(agent);
			}
			else if (roll < 130) {
				// a warm transfer begins: the call's agent asks a colleague (who may be
				// busy, away, offline or asked already)
				operation = "consult";
				String talking = (random.nextInt(10) < 9) ? pick(random, this.lastSeenOnCall) : null;
				String target = (talking != null) ? talking : call;
				String owner = ownerOr(api, target, agent, unexpected);
				if (talking == null && random.nextBoolean()) {
					// an agent takes its caller first, then asks
					Reply accepted = api.accept(owner, target);
					outcomes.merge("accept:" + accepted.status(), 1, Integer::sum);
					remember(accepted);
				}
				String colleague = colleagueToAsk(api, owner, random);
				reply = api.consult(owner, target, colleague, "note " + i);
				if (reply.status() == 200 && random.nextInt(4) < 3) {
					// a quick colleague joins and takes the call over at once (the other
					// consults stay open for the operations below and the other threads)
					Reply joined = api.joinConsult(colleague, target);
					outcomes.merge("join:" + joined.status(), 1, Integer::sum);
					if (joined.status() == 200) {
						Reply taken = api.takeOver(colleague, target);
						outcomes.merge("take-over:" + taken.status(), 1, Integer::sum);
						remember(taken);
					}
				}
			}
			else {
				// the colleague asked joins, takes over or declines; or the call's agent
				// cancels
				Map.Entry<String, String> consult = pick(random, this.lastSeenConsulted);
				String target = (consult != null) ? consult.getKey() : call;
				String colleague = (consult != null && random.nextInt(10) < 9) ? consult.getValue() : agent;
				if (roll < 132) {
					operation = "join";
					reply = api.joinConsult(colleague, target);
				}
				else if (roll < 134) {
					operation = "take-over";
					reply = api.takeOver(colleague, target);
				}
				else {
					operation = "end-consult";
					reply = random.nextBoolean() ? api.leaveConsult(colleague, target)
							: api.cancelConsult(ownerOr(api, target, agent, unexpected), target);
				}
			}
			outcomes.merge(operation + ":" + reply.status(), 1, Integer::sum);
			remember(reply);
			if (!expected(reply.status())) {
				unexpected.add(operation + " -> " + reply.status() + " " + reply.body());
			}
		}
	}

	private final Set<String> lastSeenOnCall = ConcurrentHashMap.newKeySet();

	/**
	 * The place, queue version and arrival a dial answered for a caller who had to wait.
	 */
	private final Map<String, long[]> placeAtDial = new ConcurrentHashMap<>();

	private final Set<String> lastSeenOnHold = ConcurrentHashMap.newKeySet();

	private final Set<String> lastSeenOffered = ConcurrentHashMap.newKeySet();

	/** Calls dialed that no answer has shown ended yet. */
	private final Set<String> notSeenEnded = ConcurrentHashMap.newKeySet();

	/** Calls whose agent consults a colleague, and the colleague, as last seen. */
	private final Map<String, String> lastSeenConsulted = new ConcurrentHashMap<>();

	/**
	 * What the answers said about calls in progress and on hold, so hold and resume often
	 * find one.
	 */
	private void remember(Reply reply) {
		if ((reply.status() != 200 && reply.status() != 201) || reply.body() == null || !reply.call().has("state")) {
			return;
		}
		String id = reply.callId();
		this.lastSeenOnCall.remove(id);
		this.lastSeenOnHold.remove(id);
		this.lastSeenOffered.remove(id);
		if ("ENDED".equals(reply.state())) {
			this.notSeenEnded.remove(id);
		}
		String colleague = reply.call().path("consultAgentId").asString(null);
		if (colleague != null) {
			this.lastSeenConsulted.put(id, colleague);
		}
		else {
			this.lastSeenConsulted.remove(id);
		}
		if ("OFFERED".equals(reply.state())) {
			this.lastSeenOffered.add(id);
		}
		else if ("ON_CALL".equals(reply.state())) {
			this.lastSeenOnCall.add(id);
		}
		else if ("ON_HOLD".equals(reply.state())) {
			this.lastSeenOnHold.add(id);
		}
	}

	private static void connect(String callId, String sessionId) {
		SessionEvents.publish(SessionEvents.connection(SessionEventType.CONNECTION_CREATED, sessionId,
				"conn-" + callId + "-0", "caller", callId));
	}

	/**
	 * What a correct queue-service answers under any interleaving: the change, or the
	 * rule that refused it (someone else's caller, an unknown call or agent, a state that
	 * does not allow it). Anything else is a defect: 400 or 5xx, and 401, which here can
	 * only mean that a credential the test signed correctly failed its check (so a broken
	 * signature fails the test).
	 */
	private static boolean expected(int status) {
		return (status >= 200 && status < 300) || status == 403 || status == 404 || status == 409;
	}

	/**
	 * The invariants checked afterwards hold trivially for a run in which nothing happens
	 * (every accept refused, say): each kind of operation must have succeeded a few times
	 * for them to mean anything.
	 */
	private static void assertEveryTransitionHappenedOften(Map<String, Integer> outcomes) {
		System.out.printf("concurrency: outcomes %s%n", new java.util.TreeMap<>(outcomes));
		for (String operation : List.of("dial", "accept", "decline", "hold", "resume", "transfer", "end", "leave",
				"online", "offline", "away", "available", "consult", "join", "take-over", "end-consult")) {
			int succeeded = outcomes.entrySet()
				.stream()
				.filter((outcome) -> outcome.getKey().startsWith(operation + ":2"))
				.mapToInt(Map.Entry::getValue)
				.sum();
			assertThat(succeeded).as("successful %s operations (outcomes %s)", operation, outcomes)
				.isGreaterThanOrEqualTo(MIN_SUCCESSES);
		}
	}

	/**
	 * Mostly act as the caller's current agent (a real console would), sometimes as a
	 * random one.
	 */
	private String ownerOr(QueueClient api, String call, String agent, List<String> unexpected) {
		Reply status = api.status(call);
		if (status.status() != 200) {
			unexpected.add("status of " + call + " -> " + status.status() + " " + status.body());
		}
		remember(status);
		return (status.status() == 200 && status.agentId() != null && agent.hashCode() % 4 != 0) ? status.agentId()
				: agent;
	}

	private static String pick(Random random, Set<String> dialed) {
		List<String> calls = new ArrayList<>(dialed);
		return calls.isEmpty() ? null : calls.get(random.nextInt(calls.size()));
	}

	/**
	 * One the console offers (a colleague who can join a call now, as far as the list
	 * knows), or any agent when it offers none.
	 */
	private static String colleagueToAsk(QueueClient api, String agentId, Random random) {
		Reply colleagues = api.colleagues(agentId);
		if (colleagues.status() == 200) {
			List<String> free = stream(colleagues.body()).filter((c) -> c.get("canJoinCall").asBoolean())
				.map((c) -> c.get("id").asString())
				.toList();
			if (!free.isEmpty()) {
				return free.get(random.nextInt(free.size()));
			}
		}
		return AGENTS.get(random.nextInt(AGENTS.size()));
	}

	private static Map.Entry<String, String> pick(Random random, Map<String, String> seen) {
		List<Map.Entry<String, String>> entries = new ArrayList<>(seen.entrySet());
		return entries.isEmpty() ? null : entries.get(random.nextInt(entries.size()));
	}

	private static void assertEveryLiveCallerIsInExactlyOnePlace(JsonNode snapshot) {
		Set<String> pending = new HashSet<>();
		snapshot.get("pendingCallIds").forEach((id) -> pending.add(id.asString()));
		Map<String, List<String>> placements = new HashMap<>();
		pending.forEach((id) -> placements.computeIfAbsent(id, (k) -> new ArrayList<>()).add("pending"));
		Map<String, Map<String, Integer>> withRoom = new HashMap<>(); // agent -> skills
		Map<String, String> consultedBy = new HashMap<>();
		for (JsonNode agent : snapshot.get("agents")) {
			String agentId = agent.get("id").asString();
			List<String> callIds = new ArrayList<>();
			agent.get("callIds").forEach((id) -> callIds.add(id.asString()));
			String state = agent.get("state").asString();
			String consulting = agent.path("consultingCallId").asString(null);
			if (consulting != null) {
				// asked to join a colleague's call: keeps its callers, takes no new ones
				assertThat(agent.get("online").asBoolean()).as("%s asked to join a call is online", agentId).isTrue();
				assertThat(agent.path("rankedLoad").isNull() || agent.path("rankedLoad").isMissingNode())
					.as("%s asked to join %s is not ranked for new callers", agentId, consulting)
					.isTrue();
				assertThat(callIds.size()).as("callers of %s", agentId).isLessThanOrEqualTo(CAP);
				consultedBy.put(consulting, agentId);
			}
			else if ("AVAILABLE".equals(state)) {
				assertThat(agent.get("rankedLoad").asInt()).as("load of %s", agentId).isEqualTo(callIds.size());
				assertThat(callIds.size()).as("callers of %s", agentId).isLessThanOrEqualTo(CAP);
				if (callIds.size() < CAP) {
					withRoom.put(agentId, skillsOf(agent));
				}
			}
			else if (agent.get("online").asBoolean()) {
				// AWAY or WRAP_UP: keeps its callers, is never ranked for new ones
				assertThat(state).as("state of online %s", agentId).isIn("AWAY", "WRAP_UP");
				assertThat(agent.path("rankedLoad").isNull() || agent.path("rankedLoad").isMissingNode())
					.as("%s %s is not ranked for new callers", state, agentId)
					.isTrue();
				assertThat(callIds.size()).as("callers of %s", agentId).isLessThanOrEqualTo(CAP);
			}
			else {
				assertThat(state).isEqualTo("OFFLINE");
				assertThat(callIds).as("callers of offline %s", agentId).isEmpty();
				assertThat(agent.path("activeCallId").isNull() || agent.path("activeCallId").isMissingNode()).isTrue();
			}
			callIds.forEach((id) -> placements.computeIfAbsent(id, (k) -> new ArrayList<>()).add(agentId));
		}
		long now = System.currentTimeMillis();
		for (JsonNode call : snapshot.get("liveCalls")) {
			if (pending.contains(call.get("id").asString())) {
				String queue = call.get("queue").asString();
				long waited = now - java.time.Instant.parse(call.get("joinedAt").asString()).toEpochMilli();
				withRoom.forEach((agentId, skills) -> {
					assertThat(skills.get(queue))
						.as("%s waits in %s while %s serving it has room", call.get("id"), queue, agentId)
						.isNotEqualTo(1);
					if (waited > BACKUP_DELAY.toMillis() + 2_000) { // a sweep comes by
						assertThat(skills.get(queue))
							.as("%s waits in %s for %d ms while backup %s has room", call.get("id"), queue, waited,
									agentId)
							.isNull();
					}
				});
			}
		}
		Map<String, Long> onCallPerAgent = new HashMap<>();
		for (JsonNode call : snapshot.get("liveCalls")) {
			String id = call.get("id").asString();
			String state = call.get("state").asString();
			String agentId = call.path("agentId").isNull() ? null : call.path("agentId").asString();
			assertThat(placements.get(id)).as("places of %s", id).hasSize(1);
			if ("WAITING".equals(state)) {
				assertThat(placements.get(id)).containsExactly("pending");
				assertThat(agentId).isNull();
			}
			else {
				assertThat(placements.get(id)).containsExactly(agentId);
			}
			String colleague = call.path("consultAgentId").asString(null);
			if (colleague != null) {
				assertThat(state).as("state of %s while %s is asked to join it", id, colleague)
					.isIn("ON_CALL", "ON_HOLD");
				assertThat(colleague).as("colleague asked to join %s", id).isNotEqualTo(agentId);
				assertThat(consultedBy.remove(id)).as("the agent asked to join %s", id).isEqualTo(colleague);
			}
			if ("ON_CALL".equals(state)) {
				onCallPerAgent.merge(agentId, 1L, Long::sum);
				JsonNode agent = agentNamed(snapshot, agentId);
				assertThat(agent.get("activeCallId").asString()).isEqualTo(id);
			}
		}
		assertThat(onCallPerAgent.values()).allSatisfy((count) -> assertThat(count).isEqualTo(1L));
		assertThat(consultedBy).as("agents asked to join a call that does not name them").isEmpty();
		assertThat(placements.keySet()).as("placed calls are live calls")
			.isEqualTo(
					stream(snapshot.get("liveCalls")).map((c) -> c.get("id").asString()).collect(Collectors.toSet()));
	}

	private static Map<String, Integer> skillsOf(JsonNode agent) {
		Map<String, Integer> skills = new HashMap<>();
		agent.path("skills").properties().forEach((skill) -> skills.put(skill.getKey(), skill.getValue().asInt()));
		return skills;
	}

	/**
	 * As queue-service gives them: an agent not named serves every queue as a primary.
	 */
	private static Integer levelOf(String agentId, String queue) {
		Map<String, Integer> skills = SKILLS.get(agentId);
		return (skills != null) ? skills.get(queue) : Integer.valueOf(1);
	}

	private static void assertNoCallerWasLost(JsonNode snapshot, Set<String> dialed) {
		Set<String> live = stream(snapshot.get("liveCalls")).map((c) -> c.get("id").asString())
			.collect(Collectors.toSet());
		assertThat(dialed).containsAll(live);
		for (String id : dialed) {
			if (!live.contains(id)) {
				assertThat(clients.get(1).status(id).state()).as("call %s is live or ended", id).isEqualTo("ENDED");
			}
		}
	}

	/**
	 * Dials on both instances take sessions from one pool (or create them when it is
	 * empty): no two calls share a session, and no session still in the pool belongs to a
	 * call, nor its entry's call id to a call dialed.
	 */
	private static void assertEverySessionWentToOneCallOnly(Map<String, String> sessions) {
		assertThat(sessions.values()).as("sessions of the calls dialed").doesNotHaveDuplicates();
		StringRedisTemplate redis = instances.bean(StringRedisTemplate.class);
		QueueKeys keys = new QueueKeys("{" + NAMESPACE + "}");
		// the refiller fills the pool again after the dials
		await().atMost(Duration.ofSeconds(20)).until(() -> redis.opsForZSet().zCard(keys.sessionPool()) > 0);
		Set<String> pooled = redis.opsForZSet().range(keys.sessionPool(), 0, -1);
		assertThat(pooled).as("sessions in the pool").doesNotContainAnyElementsOf(sessions.values());
		assertThat(pooled).allSatisfy((sessionId) -> assertThat(redis.hasKey(keys.space() + ":session:" + sessionId))
			.as("a call owns pooled session %s", sessionId)
			.isFalse());
		assertThat(pooled).allSatisfy(
				(sessionId) -> assertThat((String) redis.opsForHash().get(keys.sessionPoolEntry(sessionId), "callId"))
					.as("call id of pooled session %s", sessionId)
					.isNotIn(sessions.keySet()));
	}

	private static void assertEventsTellEveryCallsStory(TopicRecorder<CallEvent> events, Set<String> dialed) {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Map<String, List<CallEvent>> byCall = events.values((e) -> dialed.contains(e.callId()))
				.stream()
				.distinct()
				.collect(Collectors.groupingBy(CallEvent::callId));
			for (String id : dialed) {
				List<CallEvent> story = byCall.getOrDefault(id, List.of());
				assertThat(story).as("events of %s", id).isNotEmpty();
				for (int i = 0; i < story.size(); i++) {
					assertThat(story.get(i).seq()).as("seq of event %d of %s", i, id).isEqualTo(i + 1);
				}
				String state = clients.get(0).status(id).state();
				assertThat(story.get(story.size() - 1).state().name()).as("last event of %s", id).isEqualTo(state);
			}
		});
	}

	/**
	 * Each agent's events of this run are numbered without a gap, and the last one tells
	 * the state the agent is in.
	 */
	private static void assertAgentEventsTellEveryAgentsStates(TopicRecorder<AgentEvent> events,
			java.time.Instant start) {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode snapshot = clients.get(0).snapshot().body();
			for (String agentId : AGENTS) {
				List<AgentEvent> told = events
					.values((e) -> e.agentId().equals(agentId) && !e.occurredAt().isBefore(start))
					.stream()
					.distinct()
					.sorted(Comparator.comparingLong(AgentEvent::seq))
					.toList();
				assertThat(told).as("events of %s", agentId).isNotEmpty();
				for (int i = 1; i < told.size(); i++) {
					assertThat(told.get(i).seq()).as("seq after %s", told.get(i - 1))
						.isEqualTo(told.get(i - 1).seq() + 1);
				}
				assertThat(told.get(told.size() - 1).state().name()).as("last event of %s", agentId)
					.isEqualTo(agentNamed(snapshot, agentId).get("state").asString());
			}
		});
	}

	/**
	 * Each offered call is offered to one agent (its placement is checked above) and is
	 * in `offers`, which holds nothing else; only agents that get offers are offered
	 * calls.
	 */
	private static void assertOffersAreExactlyTheOfferedCalls() {
		StringRedisTemplate redis = instances.bean(StringRedisTemplate.class);
		QueueKeys keys = new QueueKeys("{" + NAMESPACE + "}");
		// a sweep may take an offer back between the two reads: read until both agree
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<JsonNode> offered = stream(clients.get(0).snapshot().body().get("liveCalls"))
				.filter((c) -> "OFFERED".equals(c.get("state").asString()))
				.toList();
			assertThat(redis.opsForZSet().range(keys.offers(), 0, -1))
				.isEqualTo(offered.stream().map((c) -> c.get("id").asString()).collect(Collectors.toSet()));
			assertThat(offered).allSatisfy((c) -> assertThat(c.get("agentId").asString()).isIn("a2", "a3", "a4"));
		});
	}

	/**
	 * Replays the run's call and agent events in the order they happened (their outbox
	 * positions) and checks that each caller assigned or offered went to an agent that
	 * was AVAILABLE at that moment: never to one away, in wrap-up or offline; and, unless
	 * an agent transferred it to that agent by name, to one serving the call's queue, as
	 * a backup only once the caller had waited the backup delay since it dialed.
	 */
	private static void assertCallersWentOnlyToAvailableAgents(TopicRecorder<CallEvent> events,
			TopicRecorder<AgentEvent> agentEvents, java.time.Instant start) {
		record Happened(long[] position, Object event) {
		}
		Map<String, Happened> byPosition = new java.util.TreeMap<>();
		for (var received : events.received()) {
			if (!received.value().occurredAt().isBefore(start)) {
				String position = received.headers().get(Topics.OUTBOX_POSITION_HEADER);
				byPosition.put(position, new Happened(position(position), received.value()));
			}
		}
		for (var received : agentEvents.received()) {
			if (!received.value().occurredAt().isBefore(start) && AGENTS.contains(received.value().agentId())) {
				String position = received.headers().get(Topics.OUTBOX_POSITION_HEADER);
				byPosition.put(position, new Happened(position(position), received.value()));
			}
		}
		List<Happened> inOrder = byPosition.values()
			.stream()
			.sorted(Comparator.comparingLong((Happened h) -> h.position()[0]).thenComparingLong((h) -> h.position()[1]))
			.toList();
		Map<String, org.callcenter.contracts.agents.AgentState> states = new HashMap<>();
		Map<String, String> consulted = new HashMap<>(); // agent -> the call it is asked
															// to join
		Map<String, java.time.Instant> dialedAt = new HashMap<>();
		int checked = 0;
		int routed = 0;
		for (Happened happened : inOrder) {
			if (happened.event() instanceof CallEvent call) {
				dialedAt.putIfAbsent(call.callId(), call.occurredAt());
			}
			if (happened.event() instanceof CallEvent call
					&& (call.type() == CallEventType.ASSIGNED || call.type() == CallEventType.OFFERED)
					&& call.reason() != CallEventReason.TRANSFERRED) {
				Integer level = levelOf(call.agentId(), call.queue());
				assertThat(level).as("%s of %s %s to %s", call.queue(), call.callId(), call.type(), call.agentId())
					.isNotNull();
				if (level == 2) {
					assertThat(Duration.between(dialedAt.get(call.callId()), call.occurredAt()))
						.as("wait of %s before backup %s", call.callId(), call.agentId())
						.isGreaterThanOrEqualTo(BACKUP_DELAY);
				}
				routed++;
			}
			if (happened.event() instanceof AgentEvent agent) {
				states.put(agent.agentId(), agent.state());
			}
			else if (happened.event() instanceof CallEvent call && call.type() == CallEventType.CONSULT_STARTED) {
				consulted.put(call.consultAgentId(), call.callId());
			}
			else if (happened.event() instanceof CallEvent call && call.type() == CallEventType.CONSULT_ENDED) {
				consulted.remove(call.consultAgentId());
			}
			else if (happened.event() instanceof CallEvent call && call.type() == CallEventType.ACCEPTED) {
				// a take-over, or the colleague took a caller of its own (which ended its
				// consult before)
				consulted.remove(call.agentId());
			}
			else if (happened.event() instanceof CallEvent call
					&& (call.type() == CallEventType.ASSIGNED || call.type() == CallEventType.OFFERED)
					&& states.containsKey(call.agentId())) {
				assertThat(states.get(call.agentId()))
					.as("state of %s when %s was %s to it", call.agentId(), call.callId(), call.type())
					.isEqualTo(org.callcenter.contracts.agents.AgentState.AVAILABLE);
				assertThat(consulted.get(call.agentId()))
					.as("call %s asked %s to join when %s was %s to it", consulted.get(call.agentId()), call.agentId(),
							call.callId(), call.type())
					.isNull();
				checked++;
			}
		}
		assertThat(checked).as("assignments and offers checked").isPositive();
		assertThat(routed).as("routed assignments and offers checked against skills").isPositive();
		System.out.printf(
				"concurrency: %d assignments and offers replayed against their agents' states, %d against skills%n",
				checked, routed);
	}

	private static long[] position(String outboxPosition) {
		String[] parts = outboxPosition.split("-");
		return new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) };
	}

	private static void assertWrapUpsAreExactlyTheAgentsInWrapUp() {
		StringRedisTemplate redis = instances.bean(StringRedisTemplate.class);
		QueueKeys keys = new QueueKeys("{" + NAMESPACE + "}");
		// a sweep may end a wrap-up between the two reads: read until both agree
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Set<String> inWrapUp = stream(clients.get(0).snapshot().body().get("agents"))
				.filter((a) -> "WRAP_UP".equals(a.get("state").asString()))
				.map((a) -> a.get("id").asString())
				.collect(Collectors.toSet());
			assertThat(redis.opsForZSet().range(keys.wrapUps(), 0, -1)).isEqualTo(inWrapUp);
		});
	}

	/**
	 * Each queue's numbered moves run 1..n, each number once; and every caller still
	 * waiting since it dialed is, at each read, where its dial's answer plus its queue's
	 * moves numbered after it (up to the read's version) say, as its page works it out.
	 */
	private void assertPlacesFollowFromTheNumberedQueueMoves(TopicRecorder<CallEvent> events, Set<String> dialed) {
		Map<String, JsonNode> reads = new HashMap<>();
		Map<String, Long> newest = new HashMap<>();
		for (String id : this.placeAtDial.keySet()) {
			JsonNode read = clients.get(0).status(id).call();
			if ("WAITING".equals(read.get("state").asString())) {
				reads.put(id, read);
				newest.merge(read.get("queue").asString(), read.get("queueVersion").asLong(), Math::max);
			}
		}
		Map<String, List<QueueMove>> movesOf = new HashMap<>();
		for (Map.Entry<String, Long> queue : newest.entrySet()) {
			long upTo = queue.getValue();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> queueMoves(events, dialed, queue.getKey(), upTo).size() >= upTo);
			// later moves (a sweep's) may still be on their way
			List<QueueMove> moves = queueMoves(events, dialed, queue.getKey(), upTo);
			assertThat(moves).as("moves of %s", queue.getKey())
				.extracting(QueueMove::version)
				.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, upTo).boxed().toList());
			movesOf.put(queue.getKey(), moves);
		}
		Map<String, List<CallEvent>> byCall = events.values((e) -> dialed.contains(e.callId()))
			.stream()
			.collect(Collectors.groupingBy(CallEvent::callId));
		int checked = 0;
		for (Map.Entry<String, JsonNode> read : reads.entrySet()) {
			boolean waitedThroughout = byCall.getOrDefault(read.getKey(), List.of())
				.stream()
				.allMatch((e) -> e.state().name().equals("WAITING"));
			if (!waitedThroughout) {
				continue;
			}
			long[] dial = this.placeAtDial.get(read.getKey());
			long version = read.getValue().get("queueVersion").asLong();
			long place = dial[0];
			for (QueueMove move : movesOf.get(read.getValue().get("queue").asString())) {
				if (move.version() > dial[1] && move.version() <= version && move.arrival() < dial[2]) {
					place += move.joined() ? 1 : -1;
				}
			}
			assertThat(place).as("place of %s", read.getKey()).isEqualTo(read.getValue().get("queuePosition").asLong());
			checked++;
		}
		System.out.printf("concurrency: %d numbered queue moves, %d waiting callers' places followed from them%n",
				movesOf.values().stream().mapToInt(List::size).sum(), checked);
	}

	private static List<QueueMove> queueMoves(TopicRecorder<CallEvent> events, Set<String> dialed, String queue,
			long upTo) {
		return events.values((e) -> dialed.contains(e.callId()))
			.stream()
			.map(CallEvent::queueMove)
			.filter((move) -> move != null && queue.equals(move.queue()) && move.version() <= upTo)
			.distinct()
			.sorted(Comparator.comparingLong(QueueMove::version))
			.toList();
	}

	private static JsonNode agentNamed(JsonNode snapshot, String agentId) {
		return stream(snapshot.get("agents")).filter((a) -> a.get("id").asString().equals(agentId))
			.findFirst()
			.orElseThrow();
	}

	private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
		List<JsonNode> nodes = new ArrayList<>();
		array.forEach(nodes::add);
		return nodes.stream();
	}

}
