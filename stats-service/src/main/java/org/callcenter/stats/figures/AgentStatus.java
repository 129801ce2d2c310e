package org.callcenter.stats.figures;

import java.time.Instant;
import java.util.Objects;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.agents.AgentEvent.AgentEventType;
import org.callcenter.contracts.agents.AgentState;

/**
 * An agent's state after its latest event, and since when it has been in it.
 *
 * @param lastSeq the highest {@code seq} applied; older and repeated events are ignored
 * @param awayReason while away: why
 * @param since when the agent entered {@code state} (with this away reason)
 */
public record AgentStatus(String agentId, long lastSeq, AgentState state, String awayReason, Instant since) {

	public static AgentStatus none() {
		return new AgentStatus(null, Long.MIN_VALUE, null, null, null);
	}

	/** This status after {@code event}; unchanged for a repeated or late event. */
	public AgentStatus apply(AgentEvent event) {
		if (event.seq() <= this.lastSeq || event.occurredAt() == null) {
			return this;
		}
		AgentState newState = stateAfter(event);
		String newAwayReason = (newState == AgentState.AWAY) ? event.awayReason() : null;
		// an event that repeats the state (another agent's change counted, a wrap-up
		// extended) does not restart the time in it
		boolean unchanged = newState == this.state && Objects.equals(newAwayReason, this.awayReason)
				&& this.since != null;
		return new AgentStatus(event.agentId(), event.seq(), newState, newAwayReason,
				unchanged ? this.since : event.occurredAt());
	}

	/** Events written before agent states existed carry none: presence says it. */
	private AgentState stateAfter(AgentEvent event) {
		if (event.state() != null) {
			return event.state();
		}
		if (event.type() == AgentEventType.ONLINE) {
			return AgentState.AVAILABLE;
		}
		if (event.type() == AgentEventType.OFFLINE) {
			return AgentState.OFFLINE;
		}
		return this.state;
	}

}
