package org.callcenter.stats.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import org.callcenter.contracts.calls.CallEvent;

/**
 * Folds each call event into its call's summary ({@link StatsTopology#CALLS_STORE}) and
 * forwards the change ({@link CallChange}); a repeated or late event changes nothing and
 * forwards nothing. The figures add the changes up, so the summaries are not needed once
 * no event of their call can come any more: every {@link #SWEEP_EVERY} it drops the
 * summaries of calls that ended more than {@code retention} before the newest event of
 * its partition (event time, not the clock: while the events' history is read again, a
 * call's later events are still ahead, and its summary stays until they are read).
 * Dropping forwards nothing, so no figure changes.
 */
final class CallSummaries implements Processor<String, CallEvent, String, CallChange> {

	static final Duration SWEEP_EVERY = Duration.ofHours(1);

	private final ServiceLevelRules rules;

	private final Duration retention;

	private ProcessorContext<String, CallChange> context;

	private KeyValueStore<String, CallSummary> calls;

	/** The newest event seen of this partition since this task started. */
	private Instant eventTime = Instant.MIN;

	CallSummaries(ServiceLevelRules rules, Duration retention) {
		this.rules = rules;
		this.retention = retention;
	}

	@Override
	public void init(ProcessorContext<String, CallChange> context) {
		this.context = context;
		this.calls = context.getStateStore(StatsTopology.CALLS_STORE);
		context.schedule(SWEEP_EVERY, PunctuationType.WALL_CLOCK_TIME, (now) -> dropEnded());
	}

	@Override
	public void process(Record<String, CallEvent> record) {
		CallEvent event = record.value();
		if (event == null || event.callId() == null) {
			return;
		}
		if (event.occurredAt() != null && event.occurredAt().isAfter(this.eventTime)) {
			this.eventTime = event.occurredAt();
		}
		CallSummary before = this.calls.get(event.callId());
		if (before == null) {
			before = CallSummary.none();
		}
		CallSummary after = before.apply(event, this.rules);
		if (after == before) {
			return;
		}
		this.calls.put(event.callId(), after);
		this.context.forward(record.withKey(event.callId()).withValue(new CallChange(before, after)));
	}

	private void dropEnded() {
		if (this.eventTime.equals(Instant.MIN)) {
			return;
		}
		Instant endedBefore = this.eventTime.minus(this.retention);
		List<String> ended = new ArrayList<>();
		try (KeyValueIterator<String, CallSummary> all = this.calls.all()) {
			while (all.hasNext()) {
				KeyValue<String, CallSummary> call = all.next();
				if (call.value != null && call.value.endedAt() != null && call.value.endedAt().isBefore(endedBefore)) {
					ended.add(call.key);
				}
			}
		}
		ended.forEach(this.calls::delete);
	}

}
