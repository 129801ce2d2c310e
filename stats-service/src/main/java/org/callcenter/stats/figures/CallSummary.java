package org.callcenter.stats.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.CallState;

/**
 * Everything the figures need to know about one call, folded from its events in
 * {@code seq} order. It is the unit the center, interval and agent figures add up: each
 * takes the old summary's contribution away and adds the new one's.
 *
 * @param lastSeq the highest {@code seq} applied; an event at or below it is a repeat or
 * arrived late, and is ignored
 * @param firstAt when the call reached the center (its first event: the dial)
 * @param state the call's state after its latest event
 * @param answeredAt when an agent first accepted it; null while unanswered
 * @param answeredInThreshold whether that was within the service-level threshold
 * @param endedAt when it ended; null while it lasts
 * @param abandoned ended unanswered because the caller gave up
 * @param shortAbandoned abandoned within the short-abandon time
 * @param agent the agent talking with the caller (or holding the call) now; null when no
 * agent has it
 * @param agentSince since when {@code agent} has the call
 * @param agentMillis per agent who accepted the call: the time it had the call, counted
 * up to when it passed the call on, lost it or the call ended
 */
public record CallSummary(String callId, long lastSeq, Instant firstAt, CallState state, Instant answeredAt,
		boolean answeredInThreshold, Instant endedAt, CallEventReason endReason, boolean abandoned,
		boolean shortAbandoned, String agent, Instant agentSince, Map<String, Long> agentMillis) {

	/** Reasons to end an unanswered call that mean the caller gave up. */
	private static final Set<CallEventReason> CALLER_GAVE_UP = EnumSet.of(CallEventReason.CALLER_LEFT,
			CallEventReason.CALLER_DISCONNECTED, CallEventReason.NEVER_CONNECTED);

	/** States in which an agent has the call. */
	private static final Set<CallState> WITH_AGENT = EnumSet.of(CallState.ON_CALL, CallState.ON_HOLD);

	public CallSummary {
		agentMillis = (agentMillis != null) ? Collections.unmodifiableMap(new TreeMap<>(agentMillis)) : Map.of();
	}

	/** The summary of a call before its first event. */
	public static CallSummary none() {
		return new CallSummary(null, Long.MIN_VALUE, null, null, null, false, null, null, false, false, null, null,
				Map.of());
	}

	/** This summary after {@code event}; unchanged for a repeated or late event. */
	public CallSummary apply(CallEvent event, ServiceLevelRules rules) {
		if (event.seq() <= this.lastSeq || event.occurredAt() == null) {
			return this;
		}
		Instant at = event.occurredAt();
		Instant first = (this.firstAt != null) ? this.firstAt : at;
		CallState newState = (event.state() != null) ? event.state() : this.state;

		// an agent's time with the call ends when someone else takes it, or when nobody
		// has it any more (re-queued, transferred, ended); a hold does not end it
		Map<String, Long> millis = new TreeMap<>(this.agentMillis);
		String holder = this.agent;
		Instant holderSince = this.agentSince;
		boolean sameHolder = WITH_AGENT.contains(newState)
				&& (event.agentId() == null || event.agentId().equals(holder));
		if (holder != null && !sameHolder) {
			millis.merge(holder, Duration.between(holderSince, at).toMillis(), Long::sum);
			holder = null;
			holderSince = null;
		}

		Instant answered = this.answeredAt;
		boolean inThreshold = this.answeredInThreshold;
		if (event.type() == CallEventType.ACCEPTED && event.agentId() != null) {
			if (holder == null) {
				holder = event.agentId();
				holderSince = at;
				millis.putIfAbsent(holder, 0L);
			}
			if (answered == null) {
				answered = at;
				inThreshold = rules.inThreshold(Duration.between(first, at));
			}
		}

		Instant ended = this.endedAt;
		CallEventReason endReason = this.endReason;
		boolean abandoned = this.abandoned;
		boolean shortAbandoned = this.shortAbandoned;
		if (ended == null && (newState == CallState.ENDED || event.type() == CallEventType.ENDED)) {
			ended = at;
			endReason = event.reason();
			if (answered == null && CALLER_GAVE_UP.contains(endReason)) {
				abandoned = true;
				shortAbandoned = rules.shortAbandon(Duration.between(first, at));
			}
		}
		return new CallSummary(event.callId(), event.seq(), first, newState, answered, inThreshold, ended, endReason,
				abandoned, shortAbandoned, holder, holderSince, millis);
	}

	/**
	 * Whether the caller waits for an agent: in the queue, or given or offered to an
	 * agent who has not accepted it yet. A call handed from one agent to another after it
	 * was answered is not waiting.
	 */
	public boolean waiting() {
		if (this.firstAt == null || this.endedAt != null) {
			return false;
		}
		return this.state == CallState.WAITING
				|| ((this.state == CallState.ASSIGNED || this.state == CallState.OFFERED) && this.answeredAt == null);
	}

	/** This call's part of the figures of the calls it belongs to. */
	public Figures figures() {
		if (this.firstAt == null) {
			return Figures.NONE;
		}
		boolean answered = this.answeredAt != null;
		boolean handled = answered && this.endedAt != null;
		return new Figures(1, answered ? 1 : 0, (answered && this.answeredInThreshold) ? 1 : 0, this.abandoned ? 1 : 0,
				this.shortAbandoned ? 1 : 0, answered ? Duration.between(this.firstAt, this.answeredAt).toMillis() : 0,
				handled ? 1 : 0, handled ? Duration.between(this.answeredAt, this.endedAt).toMillis() : 0);
	}

}
