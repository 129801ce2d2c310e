package org.callcenter.queue;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.callcenter.queue.store.AgentTerms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of queue-service, validated at start-up.
 *
 * @param namespace Redis key namespace; every instance serving the same call center uses
 * the same one
 * @param maxCallersPerAgent most callers assigned to one agent at once; 0 means no cap
 * @param connectTimeout how long a caller has to connect to its OpenTok session before
 * its call expires
 * @param callerGracePeriod how long a caller whose connection was lost (a reload, a
 * network drop) keeps its call, place and state before the call ends; 0 ends it at once
 * @param sessionMonitoringWindow how long a connection a caller's page confirmed may wait
 * for OpenTok's verified webhook before session-monitoring callbacks are reported missing
 * @param agentGracePeriod how long an agent's console may stay silent before the agent
 * goes offline
 * @param sweepInterval how often each instance expires unconnected callers and silent
 * agents
 * @param endedCallRetention how long an ended call stays readable by its caller
 * @param sessionEventMemory how long an applied session event id is remembered to drop
 * repeats
 * @param tokenServiceUrls base URLs of token-service's instances
 * @param tokenServiceTimeout connect and read timeout of each call to token-service
 * @param relayBatchSize most outbox entries relayed to Kafka in one round
 * @param relayLease how long the outbox relay lease lasts without renewal
 * @param internalSecret the secret shared with the gateway: it signs agent identities and
 * caller credentials; set it in production (at least 16 characters)
 * @param callerCredentialValidity how long a caller's credential for its call is valid
 * @param sessionPool OpenTok sessions and callers' tokens made ahead of demand, so that a
 * dial need not wait for them
 * @param agentWorkflow agents' wrap-up time, away reasons and call outcomes
 * @param offers routing by offers: each caller rings its agent, who accepts or declines
 * @param chatMaxMessages most chat messages one call keeps (caller's and agent's
 * together); more are refused
 * @param expectedHandleTime the handle time callers' wait estimates assume until a call
 * an agent took has ended (then the recency-weighted average of real ones)
 * @param queues the queues callers choose from, in the order pages offer them (the first
 * is where a dial naming none goes); one queue {@value #DEFAULT_QUEUE} when none is set
 * @param skills by agent id: the queues the agent serves, each with its level (1 =
 * primary, 2 = backup); an agent not named serves every queue at level 1
 */
@Validated
@ConfigurationProperties("queue")
public record QueueProperties(
		@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]+") @DefaultValue("callcenter") String namespace,
		@PositiveOrZero @DefaultValue("0") int maxCallersPerAgent, @NotNull @DefaultValue("2m") Duration connectTimeout,
		@NotNull @DefaultValue("20s") Duration callerGracePeriod,
		@NotNull @DefaultValue("30s") Duration sessionMonitoringWindow,
		@NotNull @DefaultValue("30s") Duration agentGracePeriod, @NotNull @DefaultValue("1s") Duration sweepInterval,
		@NotNull @DefaultValue("1h") Duration endedCallRetention,
		@NotNull @DefaultValue("24h") Duration sessionEventMemory,
		@NotEmpty @DefaultValue("http://localhost:8083") List<URI> tokenServiceUrls,
		@NotNull @DefaultValue("3s") Duration tokenServiceTimeout, @DefaultValue("500") int relayBatchSize,
		@NotNull @DefaultValue("10s") Duration relayLease,
		@NotBlank @jakarta.validation.constraints.Size(min = 16) String internalSecret,
		@NotNull @DefaultValue("12h") Duration callerCredentialValidity,
		@Valid @NotNull @DefaultValue SessionPool sessionPool,
		@Valid @NotNull @DefaultValue AgentWorkflow agentWorkflow, @Valid @NotNull @DefaultValue Offers offers,
		@Positive @DefaultValue("200") int chatMaxMessages,
		@NotNull @DurationMin(seconds = 1) @DurationMax(hours = 4) @DefaultValue("3m") Duration expectedHandleTime,
		List<@Valid @NotNull QueueDefinition> queues,
		Map<String, Map<String, @NotNull @Min(1) @Max(2) Integer>> skills) {

	/**
	 * What a queue's id looks like: it is part of links
	 * ({@code caller.html?queue=sales}).
	 */
	public static final String QUEUE_ID = "[a-z0-9][a-z0-9-]{0,39}";

	/** The queue of a call center that configures none. */
	public static final String DEFAULT_QUEUE = "general";

	public QueueProperties {
		// a list, not a map by id: its order is the one pages offer queues in, and an
		// environment (QUEUE_QUEUES_0_ID=sales) has no order of its own
		queues = (queues == null || queues.isEmpty()) ? List.of(QueueDefinition.DEFAULT) : List.copyOf(queues);
		List<String> ids = queues.stream().map(QueueDefinition::id).toList();
		if (ids.stream().distinct().count() != ids.size()) {
			throw new IllegalArgumentException("queue.queues gives two queues one id: " + ids);
		}
		skills = (skills != null) ? Map.copyOf(skills) : Map.of();
		for (Map.Entry<String, Map<String, Integer>> agent : skills.entrySet()) {
			for (String queue : agent.getValue().keySet()) {
				if (!ids.contains(queue)) {
					throw new IllegalArgumentException("queue.skills." + agent.getKey() + " names queue '" + queue
							+ "', which is not one of queue.queues " + ids);
				}
			}
		}
	}

	/** The queues' ids, in their configured order. */
	public List<String> queueIds() {
		return this.queues.stream().map(QueueDefinition::id).toList();
	}

	/** How one agent is given callers and what follows its calls. */
	public AgentTerms termsOf(String agentId) {
		boolean offered = this.offers.enabled() || this.offers.agents().contains(agentId);
		return new AgentTerms(this.agentWorkflow.wrapUpOf(agentId), offered ? this.offers.timeout() : Duration.ZERO,
				offered ? this.offers.missesBeforeAway() : 0, skillsOf(agentId));
	}

	/**
	 * The queues an agent serves, each with its level (1 = primary, 2 = backup): as set
	 * in {@code queue.skills}, or every queue at level 1 for an agent not named there.
	 */
	public Map<String, Integer> skillsOf(String agentId) {
		Map<String, Integer> own = this.skills.get(agentId);
		if (own != null) {
			return own;
		}
		Map<String, Integer> every = new java.util.LinkedHashMap<>();
		queueIds().forEach((queue) -> every.put(queue, 1));
		return every;
	}

	/**
	 * The Redis key prefix: a hash tag, so that every key of one call center lands in one
	 * cluster slot.
	 */
	public String keySpace() {
		return "{" + this.namespace + "}";
	}

	/**
	 * One queue callers choose (or are sent to by a link) and agents serve by skill.
	 *
	 * @param id what links ({@code caller.html?queue=sales}), dials and skills name it by
	 * @param displayName what callers and agents read
	 * @param priority higher goes first: an agent serving several queues takes the
	 * waiting caller of the highest priority queue first, then the longest waiting
	 * @param backupDelay how long a caller waits for a primary agent (level 1) before
	 * backup agents (level 2) may take it too
	 * @param serviceLevel the answer time the queue aims at (for its statistics)
	 * @param refuseWhenNobodySignedIn refuse a dial while no agent serving the queue is
	 * signed in, instead of letting the caller wait for someone to sign in
	 * @param timeZone the zone {@code hours} are read in
	 * @param hours weekly windows the queue takes calls in ({@code MON-FRI 09:00-17:00});
	 * none for always open
	 */
	public record QueueDefinition(@NotNull @Pattern(regexp = QUEUE_ID) String id,
			@NotBlank @jakarta.validation.constraints.Size(max = 60) String displayName,
			@Min(0) @Max(100) @DefaultValue("0") int priority,
			@NotNull @DurationMax(hours = 1) @DefaultValue("30s") Duration backupDelay,
			@NotNull @DefaultValue("20s") Duration serviceLevel,
			@DefaultValue("false") boolean refuseWhenNobodySignedIn, @NotNull @DefaultValue("UTC") ZoneId timeZone,
			List<String> hours) {

		/** The one queue of a call center that configures none. */
		static final QueueDefinition DEFAULT = new QueueDefinition(DEFAULT_QUEUE, "Calls", 0, Duration.ofSeconds(30),
				Duration.ofSeconds(20), false, ZoneId.of("UTC"), List.of());

		public QueueDefinition {
			hours = (hours != null) ? List.copyOf(hours) : List.of();
			// read now, so that a window written wrong stops the start-up and says which
			org.callcenter.queue.routing.OpeningHours.parse((timeZone != null) ? timeZone : ZoneId.of("UTC"), hours);
		}

	}

	/**
	 * The pool of OpenTok sessions created ahead of demand (see {@code SessionPool}).
	 *
	 * @param size how many sessions (each with a call id and the caller's token for it)
	 * the pool keeps ready when dials are few; 0 turns the pool off (every dial creates
	 * its session and token)
	 * @param maxSize the most the pool grows to when the dials of the last
	 * {@link #DEMAND_WINDOW} ask for more than {@code size}
	 * @param maxAge a pool entry older than this is dropped unused: OpenTok keeps
	 * sessions for much longer, but a session is only as good as the project it was
	 * created in, and a young one costs nothing; the caller's token made with it is valid
	 * this much longer than a dial's (at most a week: token-service's bound)
	 * @param refillInterval how often the refiller looks at the pool at the latest (a
	 * dial that leaves the pool below half its size wakes it sooner)
	 */
	public record SessionPool(@PositiveOrZero @DefaultValue("20") int size,
			@PositiveOrZero @DefaultValue("200") int maxSize,
			@NotNull @DurationMin(seconds = 1) @DurationMax(days = 7) @DefaultValue("2h") Duration maxAge,
			@NotNull @DefaultValue("1s") Duration refillInterval) {

		/** Dials are counted per window of this length to size the pool. */
		public static final Duration DEMAND_WINDOW = Duration.ofSeconds(10);

		public boolean enabled() {
			return this.size > 0;
		}

		/**
		 * How many sessions to keep ready: as many as were dialed in the last
		 * {@link #DEMAND_WINDOW}, at least {@code size} and at most {@code maxSize} (or
		 * {@code size}, if that is larger); none when the pool is off.
		 */
		public int target(long recentDials) {
			if (!enabled()) {
				return 0;
			}
			long ceiling = Math.max(this.size, this.maxSize);
			return (int) Math.min(ceiling, Math.max(this.size, recentDials));
		}

	}

	/**
	 * What agents do around their calls besides talking.
	 *
	 * @param wrapUp how long an agent takes no new callers after a call it talked on ends
	 * (after-call work), unless it says it is ready sooner; 0 turns wrap-up off
	 * @param wrapUpByAgent wrap-up times of particular agents (by agent id), overriding
	 * {@code wrapUp}
	 * @param awayReasons the reasons an agent may give for going away, as ids (the
	 * console shows them readably)
	 * @param outcomes the outcome codes an agent may record on a call it handled
	 */
	public record AgentWorkflow(@NotNull @DurationMax(hours = 1) @DefaultValue("0s") Duration wrapUp,
			Map<String, @NotNull @DurationMax(hours = 1) Duration> wrapUpByAgent, @NotEmpty @DefaultValue( {
					"break", "lunch", "training", "meeting" }) List<@Pattern(regexp = CODE) String> awayReasons,
			@NotEmpty @DefaultValue({ "resolved", "follow-up", "escalated",
					"not-resolved" }) List<@Pattern(regexp = CODE) String> outcomes){

		/** What an away reason or an outcome looks like: a short lower-case id. */
		public static final String CODE = "[a-z][a-z0-9-]{0,39}";

		public AgentWorkflow {
			wrapUpByAgent = (wrapUpByAgent != null) ? Map.copyOf(wrapUpByAgent) : Map.of();
		}

		/** The wrap-up time of one agent. */
		public Duration wrapUpOf(String agentId) {
			return this.wrapUpByAgent.getOrDefault(agentId, this.wrapUp);
		}

	}

	/**
	 * Routing by offers (as TaskRouter's reservations, app_queue's ringing): the agent a
	 * caller is given to must accept it, or decline it, before the offer times out;
	 * declined or timed out, the caller is offered to the next agent with room, keeping
	 * its place. Off: callers are assigned, and the agent takes them when it chooses.
	 *
	 * @param enabled every agent gets offers
	 * @param agents agents who get offers while {@code enabled} is off (others are
	 * assigned callers): for a team trying offers, or agents working without auto-answer
	 * @param timeout how long an offer rings
	 * @param missesBeforeAway offers an agent may leave unanswered in a row before it is
	 * made away with reason {@code missed-offers}, as app_queue's autopause; 0 for never
	 */
	public record Offers(@DefaultValue("false") boolean enabled, List<String> agents,
			@NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10) @DefaultValue("20s") Duration timeout,
			@PositiveOrZero @DefaultValue("2") int missesBeforeAway) {

		public Offers {
			agents = (agents != null) ? List.copyOf(agents) : List.of();
		}

	}

}
