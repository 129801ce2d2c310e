package org.callcenter.gateway.push;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.gateway.system.GatewayProperties;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What supervisors' dashboards are told: each change of stats-service's figures (read
 * from the compacted {@value Topics#STATS}, from its beginning, so this instance knows
 * the latest of each and hands them to a dashboard that opens), and a notice whenever the
 * line of waiting callers may have changed, for the dashboard to read {@code /api/queue}
 * again.
 *
 * <p>
 * The notices come from the call events, in a consumer group of their own rather than
 * through {@link LiveEvents}: that one delivers a call's events by call and by agent, and
 * its queue moves leave out a caller who joins at the end of the line, which is the very
 * change a supervisor watches for. The events that can change the line (a caller queued,
 * given or offered to an agent, accepted, gone) are gathered into at most one notice per
 * {@code gateway.queue-move-interval}.
 */
@Component
class SupervisorFeed {

	private static final Logger log = LoggerFactory.getLogger(SupervisorFeed.class);

	/** The call events after which the line of waiting callers may look different. */
	static final Set<CallEventType> LINE_CHANGES = EnumSet.of(CallEventType.QUEUED, CallEventType.ASSIGNED,
			CallEventType.OFFERED, CallEventType.ACCEPTED, CallEventType.ENDED);

	/** Keys whose latest value a dashboard gets on opening: the center and the agents. */
	private final Map<String, FigureChange> latest = new ConcurrentHashMap<>();

	private final Sinks.Many<FigureChange> figures = Sinks.many().multicast().directBestEffort();

	private final Sinks.Many<Long> lineNotices = Sinks.many().multicast().directBestEffort();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "supervisor-notices");
		thread.setDaemon(true);
		return thread;
	});

	private final CoalescedNotices lineChanges;

	private final JsonMapper json;

	SupervisorFeed(JsonMapper json, GatewayProperties properties) {
		this.json = json;
		this.lineChanges = new CoalescedNotices(properties.queueMoveInterval(), this.timer, System::nanoTime,
				() -> this.lineNotices.tryEmitNext(System.currentTimeMillis()));
	}

	@PreDestroy
	void stop() {
		this.timer.shutdownNow();
	}

	@KafkaListener(id = "gateway-stats", idIsGroup = false, topics = Topics.STATS,
			groupId = "gateway-stats-#{T(java.util.UUID).randomUUID()}", properties = { "auto.offset.reset=earliest",
					"spring.deserializer.value.delegate.class=org.apache.kafka.common.serialization.StringDeserializer" })
	void onFigures(ConsumerRecord<String, String> record) {
		if (record.key() == null || record.value() == null) {
			return;
		}
		JsonNode value;
		try {
			value = this.json.readTree(record.value());
		}
		catch (JacksonException ex) {
			log.warn("figures {} at offset {} skipped: not JSON", record.key(), record.offset());
			return;
		}
		figureChanged(new FigureChange(record.key(), record.offset(), value));
	}

	@KafkaListener(id = "gateway-supervisors", idIsGroup = false, topics = Topics.CALL_EVENTS,
			groupId = "gateway-supervisors-#{T(java.util.UUID).randomUUID()}", properties = "auto.offset.reset=latest")
	void onCallEvent(CallEvent event) {
		if (event.type() != null && LINE_CHANGES.contains(event.type())) {
			this.lineChanges.signal();
		}
	}

	void figureChanged(FigureChange change) {
		// a quarter hour's figures are read with the chart and then only pushed: a year
		// of
		// them is not kept here
		if (!change.key().startsWith("interval:")) {
			this.latest.put(change.key(), change);
		}
		this.figures.tryEmitNext(change);
	}

	/**
	 * The latest figures, then each change. A change that comes while the latest are
	 * handed over may arrive twice or before an older value of its key; the page keeps a
	 * key's value with the highest offset.
	 */
	Flux<FigureChange> figures() {
		Flux<FigureChange> changes = this.figures.asFlux()
			.onBackpressureBuffer(1024, BufferOverflowStrategy.DROP_OLDEST);
		return Flux.merge(changes, Flux.defer(() -> Flux.fromIterable(new ArrayList<>(this.latest.values()))));
	}

	/** A notice (its time) whenever the line of waiting callers may have changed. */
	Flux<Long> lineChanges() {
		return this.lineNotices.asFlux().onBackpressureBuffer(64, BufferOverflowStrategy.DROP_OLDEST);
	}

	/** Everything known now, for tests. */
	List<FigureChange> latest() {
		return List.copyOf(this.latest.values());
	}

	/**
	 * One published figure: what it is about ({@code live}, {@code agent:<id>},
	 * {@code interval:<start>}), its position in the topic, and the JSON stats-service's
	 * API answers for it.
	 */
	record FigureChange(String key, long offset, JsonNode value) {
	}

}
