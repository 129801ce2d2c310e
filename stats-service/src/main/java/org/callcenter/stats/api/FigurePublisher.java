package org.callcenter.stats.api;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.calls.Topics;
import org.callcenter.stats.figures.FigureChanges;
import org.callcenter.stats.figures.FiguresUnavailable;
import org.callcenter.stats.figures.Intervals;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes each change of the figures to {@value Topics#STATS}, so that the gateway can
 * push it to supervisors' dashboards: the value of key {@code live} is what
 * {@code GET /api/stats/live} answers at that moment, of {@code agent:<id>} that agent's
 * entry of {@code GET /api/stats/agents}, of {@code interval:<start>} that quarter hour's
 * entry of {@code GET /api/stats/intervals}. Read through {@link StatsQueries} as the API
 * reads them, so a pushed figure and a read one never differ in shape or meaning.
 *
 * <p>
 * The topology only says what changed ({@link FigureChanges}, on its stream thread); the
 * figures are read and sent here, on a thread of its own, {@link #GATHER} after the first
 * change of a round: the center's and the quarter hour's change of one event arrive
 * within milliseconds of each other and go out as one {@code live}. Published at least
 * once: a figure may go out twice (after a restart everything is published again, see
 * {@link #publishAll()}), never stale for long.
 */
@Component
class FigurePublisher implements FigureChanges {

	private static final Logger log = LoggerFactory.getLogger(FigurePublisher.class);

	/** The size of a quarter hour's report interval, as the API names it. */
	private static final String QUARTER_HOUR = "PT15M";

	/** How long a round waits for the other changes of the same commit. */
	static final Duration GATHER = Duration.ofMillis(25);

	/** Asked again this much later when the stores cannot be read (rebalancing). */
	static final Duration RETRY = Duration.ofSeconds(1);

	private final StatsQueries queries;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "figure-publisher");
		thread.setDaemon(true);
		return thread;
	});

	private boolean center;

	private final Set<Instant> intervals = new HashSet<>();

	private final Set<String> agents = new HashSet<>();

	private boolean allAgents;

	private boolean scheduled;

	FigurePublisher(StatsQueries queries, KafkaTemplate<String, String> kafka, JsonMapper json) {
		this.queries = queries;
		this.kafka = kafka;
		this.json = json;
	}

	@PreDestroy
	void stop() {
		this.timer.shutdownNow();
	}

	@Override
	public synchronized void centerChanged() {
		this.center = true;
		schedule(GATHER);
	}

	@Override
	public synchronized void intervalChanged(Instant start) {
		// today's figures are the sum of its quarter hours
		this.center = true;
		this.intervals.add(start);
		schedule(GATHER);
	}

	@Override
	public synchronized void agentChanged(String agentId) {
		this.agents.add(agentId);
		schedule(GATHER);
	}

	/**
	 * Everything again: once the stores are ready after a start, since a change that was
	 * stored but not yet published when the service stopped is not replayed.
	 */
	synchronized void publishAll() {
		this.center = true;
		this.allAgents = true;
		schedule(Duration.ZERO);
	}

	private void schedule(Duration delay) {
		if (!this.scheduled) {
			this.scheduled = true;
			this.timer.schedule(this::publish, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void publish() {
		boolean liveChanged;
		boolean everyAgent;
		Set<Instant> quarters;
		Set<String> agentIds;
		synchronized (this) {
			this.scheduled = false;
			liveChanged = this.center;
			everyAgent = this.allAgents;
			quarters = Set.copyOf(this.intervals);
			agentIds = Set.copyOf(this.agents);
			this.center = false;
			this.allAgents = false;
			this.intervals.clear();
			this.agents.clear();
		}
		try {
			if (liveChanged) {
				send("live", this.queries.live());
			}
			for (Instant start : quarters) {
				List<IntervalStats> interval = this.queries.intervals(this.queries.range(start.toString(),
						start.plus(Intervals.LENGTH).toString(), QUARTER_HOUR, "UTC"));
				if (!interval.isEmpty()) {
					send("interval:" + start, interval.get(0));
				}
			}
			if (everyAgent || !agentIds.isEmpty()) {
				for (AgentStats agent : this.queries.agents()) {
					if (everyAgent || agentIds.contains(agent.agentId())) {
						send("agent:" + agent.agentId(), agent);
					}
				}
			}
		}
		catch (FiguresUnavailable ex) {
			// the stores are moving (a rebalance): the same round again in a moment
			synchronized (this) {
				this.center |= liveChanged;
				this.allAgents |= everyAgent;
				this.intervals.addAll(quarters);
				this.agents.addAll(agentIds);
				schedule(RETRY);
			}
		}
		catch (RuntimeException ex) {
			log.warn("figures not published: {}", ex.toString());
		}
	}

	private void send(String key, Object figures) {
		this.kafka.send(Topics.STATS, key, this.json.writeValueAsString(figures)).whenComplete((sent, failure) -> {
			if (failure != null) {
				log.warn("figures {} not published: {}", key, failure.toString());
			}
		});
	}

}
