package org.callcenter.stats.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.agents.AgentState;

/**
 * Times one agent's wrap-ups from its agent events. queue-service puts an agent into
 * {@code WRAP_UP} in the same change that ends a call it talked on (so the wrap-up starts
 * at the call's {@code ENDED}), and takes it out when the agent says it is ready or goes
 * away, when the wrap-up time is over (the sweep makes it {@code AVAILABLE}), or when it
 * goes offline: any event with another state ends the wrap-up. Another call ending during
 * a wrap-up starts it again with a new {@code wrapUpUntil}: the first call's wrap-up ends
 * there and the second one's begins.
 *
 * <p>
 * The call's {@code WRAPPED} event is not used: it says the agent recorded an outcome and
 * notes, which it may do during the wrap-up, hours later or never, and which does not end
 * the wrap-up.
 *
 * @param lastSeq the highest agent {@code seq} applied; repeats and late events are
 * ignored
 * @param since when the wrap-up under way began; null when none is
 * @param until when the wrap-up under way ends by itself (tells a restart from a repeat)
 * @param finished the wrap-up the latest event finished; null when it finished none
 */
public record WrapUpClock(long lastSeq, Instant since, Instant until, WrapUp finished) {

	public static WrapUpClock none() {
		return new WrapUpClock(Long.MIN_VALUE, null, null, null);
	}

	/** The clock after {@code event}, with the wrap-up it finished, if any. */
	public WrapUpClock apply(AgentEvent event) {
		if (event.seq() <= this.lastSeq || event.occurredAt() == null) {
			return new WrapUpClock(this.lastSeq, this.since, this.until, null);
		}
		Instant at = event.occurredAt();
		boolean wrappingUp = event.state() == AgentState.WRAP_UP;
		boolean restarted = wrappingUp && this.since != null && !Objects.equals(event.wrapUpUntil(), this.until);
		if (this.since != null && (!wrappingUp || restarted)) {
			WrapUp done = new WrapUp(event.agentId(), this.since,
					Math.max(0, Duration.between(this.since, at).toMillis()));
			return wrappingUp ? new WrapUpClock(event.seq(), at, event.wrapUpUntil(), done)
					: new WrapUpClock(event.seq(), null, null, done);
		}
		if (wrappingUp && this.since == null) {
			return new WrapUpClock(event.seq(), at, event.wrapUpUntil(), null);
		}
		return new WrapUpClock(event.seq(), this.since, this.until, null);
	}

}
