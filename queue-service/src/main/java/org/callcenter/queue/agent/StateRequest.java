package org.callcenter.queue.agent;

import jakarta.validation.constraints.NotNull;

/**
 * An online agent says what it is doing.
 *
 * @param state {@code AVAILABLE} or {@code AWAY} (the other states are not chosen:
 * wrap-up follows a call, offline is signing out)
 * @param reason with {@code AWAY}: one of the configured away reasons
 * @param handBack with {@code AWAY}: give the callers not accepted yet to other agents
 * (absent: keep them)
 */
record StateRequest(@NotNull ChosenState state, String reason, Boolean handBack) {

	boolean handsBack() {
		return Boolean.TRUE.equals(this.handBack);
	}

	/** The states an agent chooses itself. */
	enum ChosenState {

		AVAILABLE, AWAY

	}

}
