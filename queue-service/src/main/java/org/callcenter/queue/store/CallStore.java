package org.callcenter.queue.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callcenter.contracts.agents.AgentEvent.OfflineReason;
import org.callcenter.contracts.agents.AgentState;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.ChatMessage;
import org.callcenter.queue.QueueProperties;
import org.callcenter.queue.system.TraceParents;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Every read and change of call-center state, each one Lua script run atomically in
 * Redis, so any number of queue-service instances can share one Redis. Each change also
 * appends its call events to the Redis outbox stream in the same step (see
 * {@code OutboxRelay}).
 */
@Component
public class CallStore {

	/** Calls per callers-alive script (see {@link #callersAlive}). */
	static final int ALIVE_PER_SCRIPT = 500;

	private static final long LOAD_UNIT = 1L << 32;

	private final StringRedisTemplate redis;

	private final QueueProperties properties;

	private final Clock clock;

	private final CallScripts scripts = new CallScripts();

	private final List<String> keys;

	private final QueueKeys queueKeys;

	private final String queues;

	private final TraceParents traces;

	CallStore(StringRedisTemplate redis, QueueProperties properties, Clock clock, TraceParents traces) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
		this.traces = traces;
		this.keys = List.of(properties.keySpace());
		this.queueKeys = new QueueKeys(properties);
		this.queues = queuesArgument(properties);
	}

	public Call dial(NewCall call) {
		return call(run("dial", call.id(), call.name(), call.reason(), call.mode().name(), call.sessionId(),
				millis(call.connectDeadline().toEpochMilli()), call.queue()));
	}

	public Call leave(String callId, CallEventReason reason) {
		return call(run("leave", callId, reason.wireName()));
	}

	/**
	 * The caller's page says it is connected on {@code connectionId} (see
	 * caller-confirmed.lua).
	 */
	public Call confirmConnection(String callId, String connectionId) {
		return call(run("caller-confirmed", callId, connectionId,
				String.valueOf(this.properties.sessionMonitoringWindow().toMillis())));
	}

	/**
	 * Records that these callers' pages are still open; answers how many were live calls.
	 * In scripts of {@value #ALIVE_PER_SCRIPT} calls each: a script holds Redis for its
	 * whole run, and one over ten thousand waiting callers' pages would hold up every
	 * dial and leave meanwhile.
	 */
	public long callersAlive(List<String> callIds) {
		long recorded = 0;
		for (int from = 0; from < callIds.size(); from += ALIVE_PER_SCRIPT) {
			List<String> some = callIds.subList(from, Math.min(callIds.size(), from + ALIVE_PER_SCRIPT));
			recorded += (Long) run("callers-alive", some.toArray(String[]::new)).get(1);
		}
		return recorded;
	}

	/**
	 * Ends at most {@code max} calls whose page went silent with no live connection;
	 * answers how many.
	 */
	public long endSilentCallers(int max) {
		return (Long) run("end-silent-callers", String.valueOf(this.properties.callerGracePeriod().toMillis()),
				String.valueOf(max))
			.get(1);
	}

	/**
	 * Whether session-monitoring webhooks arrive; with {@code sweep}, page-confirmed
	 * connections past their deadline are first counted as missed webhooks.
	 */
	public SessionMonitoringState sessionMonitoring(boolean sweep) {
		List<?> reply = run("session-monitoring", sweep ? "sweep" : "read",
				String.valueOf(this.properties.sessionMonitoringWindow().toMillis()));
		return new SessionMonitoringState((Long) reply.get(1), instant((String) reply.get(2)),
				instant((String) reply.get(3)), (Long) reply.get(4));
	}

	public Call find(String callId) {
		return call(run("call", callId));
	}

	/** A call with what its caller's page needs to estimate its wait. */
	public CallRead readForCaller(String callId) {
		List<?> reply = run("call", callId);
		return new CallRead(call(reply), WaitFigures.from(fields(reply.get(2))));
	}

	/**
	 * Goes online, {@code AVAILABLE}, or (online already) renames the agent; the wrap-up
	 * time applies to its calls from now on.
	 */
	public Agent goOnline(String agentId, String displayName, AgentTerms terms) {
		return agent(run("agent-online", agentId, displayName, millis(terms.wrapUp().toMillis()),
				millis(terms.offerTimeout().toMillis()), String.valueOf(terms.missedOffersBeforeAway()),
				terms.skillsArgument()));
	}

	/** An online agent says it is available (ready) again. */
	public Agent becomeAvailable(String agentId) {
		return agent(run("agent-state", agentId, AgentState.AVAILABLE.name(), "", "0"));
	}

	/**
	 * An online agent goes away for a reason; with {@code handBack}, its callers it has
	 * not accepted yet go to others or back to the queue.
	 */
	public Agent goAway(String agentId, String reason, boolean handBack) {
		return agent(run("agent-state", agentId, AgentState.AWAY.name(), reason, handBack ? "1" : "0"));
	}

	/**
	 * An agent declines a call offered to it: the call goes to another agent or back to
	 * the queue at its place.
	 */
	public Call decline(String agentId, String callId) {
		return call(run("decline", agentId, callId));
	}

	/**
	 * Offers not answered in time go to the next agent; then waiting calls go to agents
	 * with room. Answers how many offers timed out.
	 */
	public long expireOffers(int max) {
		return (Long) run("expire-offers", String.valueOf(max)).get(1);
	}

	/** Agents whose wrap-up time is over become available; answers how many. */
	public long endWrapUps() {
		return (Long) run("end-wrap-ups").get(1);
	}

	public Agent goOffline(String agentId, OfflineReason reason) {
		return agent(run("agent-offline", agentId, reason.wireName()));
	}

	public Agent heartbeat(String agentId) {
		return agent(run("heartbeat", agentId));
	}

	public Call accept(String agentId, String callId) {
		return call(run("accept", agentId, callId, "accept"));
	}

	public Call resume(String agentId, String callId) {
		return call(run("accept", agentId, callId, "resume"));
	}

	public Call hold(String agentId, String callId) {
		return call(run("hold", agentId, callId));
	}

	public Call end(String agentId, String callId, CallNotes notes) {
		return call(run("end", agentId, callId, notes.outcomeOrEmpty(), notes.textOrEmpty()));
	}

	/**
	 * Transfers an agent's call to another agent (at the head of its list, with a note),
	 * or with no target back to the queue at the caller's place.
	 */
	/**
	 * The agent asks a colleague to join its call in progress (a warm transfer's first
	 * step, see consult.lua).
	 */
	public Call consult(String agentId, String callId, String colleagueId, String note) {
		return call(run("consult", agentId, callId, colleagueId, (note != null) ? note : ""));
	}

	/** The colleague consulted on a call joins it. */
	public Call joinConsult(String agentId, String callId) {
		return call(run("consult-join", agentId, callId));
	}

	/** The colleague who joined a consult takes the call over from its agent. */
	public Call takeOver(String agentId, String callId) {
		return call(run("take-over", agentId, callId));
	}

	/**
	 * The call's agent cancels its consult, or the colleague declines or leaves it.
	 */
	public Call endConsult(String agentId, String callId) {
		return call(run("consult-end", agentId, callId));
	}

	/** The call the agent is asked to join, if any. */
	public Optional<Call> consultedCall(String agentId) {
		List<?> reply = run("consulted-call", agentId);
		return (reply.size() > 1) ? Optional.of(call(reply)) : Optional.empty();
	}

	public Call transfer(String agentId, String callId, String toAgentId, String note) {
		return call(run("transfer", agentId, callId, (toAgentId != null) ? toAgentId : "", (note != null) ? note : ""));
	}

	/**
	 * The caller ({@code agentId} null) or its agent writes in the call's chat; answers
	 * the message kept.
	 */
	public ChatMessage chat(String callId, String agentId, String text) {
		List<?> reply = run("chat", callId, (agentId != null) ? ChatMessage.FROM_AGENT : ChatMessage.FROM_CALLER,
				(agentId != null) ? agentId : "", text, String.valueOf(this.properties.chatMaxMessages()));
		return ChatMessages.parse((String) reply.get(1));
	}

	/**
	 * The call's chat, oldest first, for its caller ({@code agentId} null) or its current
	 * agent.
	 */
	public List<ChatMessage> transcript(String callId, String agentId) {
		List<?> reply = run("chat-transcript", callId, (agentId != null) ? agentId : "");
		return strings(reply.get(1)).stream().map(ChatMessages::parse).toList();
	}

	/** Records the outcome and notes of an ended call the agent handled. */
	public Call wrapUp(String agentId, String callId, CallNotes notes) {
		return call(run("wrap-up", agentId, callId, notes.outcomeOrEmpty(), notes.textOrEmpty()));
	}

	/** Every online agent, by name. */
	public List<Agent> onlineAgents() {
		List<?> reply = run("colleagues");
		return ((List<?>) reply.get(1)).stream()
			.map((flat) -> Agent.from(fields(flat)))
			.sorted(Comparator.comparing(Agent::displayName, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	public AgentCalls agentCalls(String agentId) {
		List<?> reply = run("agent-calls", agentId);
		List<Call> calls = ((List<?>) reply.get(2)).stream().map((flat) -> Call.from(fields(flat))).toList();
		return new AgentCalls(Agent.from(fields(reply.get(1))), calls);
	}

	public SessionEventOutcome applyConnectionEvent(ConnectionEvent event) {
		List<?> reply = this.redis.execute(this.scripts.named("session-event"), this.keys,
				args(event.eventId(), event.type().name(), event.sessionId(), event.connectionId(), event.userType(),
						event.userId(), String.valueOf(this.properties.sessionEventMemory().toSeconds()),
						String.valueOf(this.properties.callerGracePeriod().toMillis())));
		return SessionEventOutcome.valueOf((String) reply.get(0));
	}

	/**
	 * Ends at most {@code max} calls whose caller missed its connect deadline; answers
	 * how many.
	 */
	public long expireUnconnectedCallers(int max) {
		return (Long) run("expire-unconnected", String.valueOf(max)).get(1);
	}

	/**
	 * Notes a sweep; after a pause in sweeping longer than five sweep intervals (at least
	 * 5 s), the whole service was down, and everyone's silence meanwhile is forgiven.
	 * Answers the outage forgiven, zero if none.
	 */
	public Duration noteSweep() {
		long longestPause = Math.max(5_000, this.properties.sweepInterval().toMillis() * 5);
		return Duration.ofMillis((Long) run("sweep-clock", String.valueOf(longestPause)).get(1));
	}

	/**
	 * Takes offline the agents silent for longer than the grace period; answers how many.
	 */
	public long dropSilentAgents() {
		return (Long) run("drop-silent-agents", String.valueOf(this.properties.agentGracePeriod().toMillis())).get(1);
	}

	public QueueSnapshot snapshot() {
		List<?> reply = run("snapshot");
		List<String> pending = strings(reply.get(1));
		List<QueueSnapshot.AgentSlot> agents = ((List<?>) reply.get(2)).stream().map((flat) -> {
			Map<String, String> fields = fields(flat);
			String score = fields.get("score");
			String callers = fields.getOrDefault("callers", "");
			boolean online = "1".equals(fields.get("online"));
			return new QueueSnapshot.AgentSlot(fields.get("id"), fields.get("displayName"), online,
					Agent.stateOf(online, fields.get("state")), fields.get("awayReason"), fields.get("activeCall"),
					(score != null) ? (int) (Long.parseLong(score) / LOAD_UNIT) : null,
					callers.isEmpty() ? List.of() : Arrays.asList(callers.split(" ")), fields.get("consulting"),
					AgentTerms.parseSkills(fields.get("skills")));
		}).toList();
		List<Call> live = ((List<?>) reply.get(3)).stream().map((flat) -> Call.from(fields(flat))).toList();
		return new QueueSnapshot(pending, agents, live);
	}

	/** Number of callers waiting for an agent, in every queue. */
	public long waitingCount() {
		long waiting = 0;
		for (String queue : this.properties.queueIds()) {
			Long size = this.redis.opsForZSet().zCard(this.queueKeys.pending(queue));
			waiting += (size != null) ? size : 0;
		}
		return waiting;
	}

	/**
	 * How many agents serving each queue are signed in (online, whatever their state), by
	 * queue id.
	 */
	public Map<String, Long> agentsSignedInPerQueue() {
		List<?> counts = (List<?>) run("queues").get(1);
		Map<String, Long> perQueue = new LinkedHashMap<>();
		int i = 0;
		for (String queue : this.properties.queueIds()) {
			perQueue.put(queue, (Long) counts.get(i++));
		}
		return perQueue;
	}

	/**
	 * Gives waiting callers to the agents who may take them now (backups, once callers
	 * have waited their queue's backup delay); answers how many.
	 */
	public long routeWaiting() {
		return (Long) run("route-waiting").get(1);
	}

	private List<?> run(String script, String... scriptArgs) {
		List<?> reply = this.redis.execute(this.scripts.named(script), this.keys, args(scriptArgs));
		String code = (String) reply.get(0);
		if (!"OK".equals(code)) {
			throw new RuleViolation(Rule.valueOf(code));
		}
		return reply;
	}

	/**
	 * Every script takes now, the per-agent cap and the retention first, and the queues
	 * and the current trace last (see lib.lua).
	 */
	private Object[] args(String... scriptArgs) {
		List<String> all = new ArrayList<>(scriptArgs.length + 5);
		all.add(millis(this.clock.millis()));
		all.add(String.valueOf(this.properties.maxCallersPerAgent()));
		all.add(String.valueOf(this.properties.endedCallRetention().toSeconds()));
		all.addAll(Arrays.asList(scriptArgs));
		all.add(this.queues);
		all.add(this.traces.current());
		return all.toArray();
	}

	/**
	 * The queues as the scripts take them: {@code id,priority,backupMs,refuse} each, in
	 * configured order, {@code ;}-separated (lib.lua).
	 */
	private static String queuesArgument(QueueProperties properties) {
		StringBuilder queues = new StringBuilder();
		properties.queues().forEach((queue) -> {
			if (!queues.isEmpty()) {
				queues.append(';');
			}
			queues.append(queue.id())
				.append(',')
				.append(queue.priority())
				.append(',')
				.append(queue.backupDelay().toMillis())
				.append(',')
				.append(queue.refuseWhenNobodySignedIn() ? '1' : '0');
		});
		return queues.toString();
	}

	private static String millis(long millis) {
		return Long.toString(millis);
	}

	private static java.time.Instant instant(String epochMillis) {
		return epochMillis.isEmpty() ? null : java.time.Instant.ofEpochMilli(Long.parseLong(epochMillis));
	}

	private static Call call(List<?> reply) {
		return Call.from(fields(reply.get(1)));
	}

	private static Agent agent(List<?> reply) {
		return Agent.from(fields(reply.get(1)));
	}

	private static Map<String, String> fields(Object flat) {
		List<?> list = (List<?>) flat;
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i + 1 < list.size(); i += 2) {
			fields.put(String.valueOf(list.get(i)), String.valueOf(list.get(i + 1)));
		}
		return fields;
	}

	private static List<String> strings(Object list) {
		return ((List<?>) list).stream().map(String::valueOf).toList();
	}

}
