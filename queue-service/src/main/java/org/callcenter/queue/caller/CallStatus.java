package org.callcenter.queue.caller;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.callcenter.queue.store.Call;
import org.callcenter.queue.store.CallRead;

/**
 * The caller's read of its call: the call's own fields, and beside them what the page
 * needs to estimate the wait. The page computes the estimate itself, because the place it
 * shows moves by pushed queue moves without reading the call again.
 *
 * @param call the call as its caller may read it (its fields at the top level, as before)
 * @param agentsServing the agents online and available or in wrap-up (not away), among
 * whom the waiting line is shared
 * @param averageHandleSeconds the recency-weighted average talk + hold time of recent
 * calls, or {@code queue.expected-handle-time} before any call an agent took has ended
 * @param aheadWithAgent while assigned or offered to an agent: how many of that agent's
 * other callers it serves first; null otherwise
 */
record CallStatus(@JsonUnwrapped Call call, int agentsServing, long averageHandleSeconds, Integer aheadWithAgent) {

	static CallStatus of(CallRead read, Duration expectedHandleTime) {
		Long averageMs = read.figures().averageHandleMs();
		long seconds = Math.max(1,
				Math.round(((averageMs != null) ? averageMs : expectedHandleTime.toMillis()) / 1000.0));
		return new CallStatus(read.call().forCaller(), read.figures().agentsServing(), seconds,
				read.figures().aheadWithAgent());
	}

}
