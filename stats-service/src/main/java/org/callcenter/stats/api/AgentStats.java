package org.callcenter.stats.api;

import java.time.Instant;

import org.callcenter.contracts.agents.AgentState;

/**
 * One agent's state and totals.
 *
 * @param state null for an agent known only from calls (no agent event seen yet)
 * @param since when it entered its state; null with no state
 * @param secondsInState seconds from {@code since} until now
 * @param answered calls it accepted (a take-over from a colleague included)
 * @param handleSeconds the time it had those calls, talking and holding, and its finished
 * wrap-ups after them
 * @param averageHandleSeconds {@code handleSeconds} per answered call; null with none
 * @param wrapUps its finished wrap-ups
 * @param wrapUpSeconds their time (part of {@code handleSeconds})
 */
record AgentStats(String agentId, AgentState state, String awayReason, Instant since, Long secondsInState,
		long answered, long handleSeconds, Double averageHandleSeconds, long wrapUps, long wrapUpSeconds) {

}
