package org.callcenter.stats.figures;

import java.time.Instant;

/**
 * One finished wrap-up (after-call work) of an agent: from the end of the call that
 * started it to when the agent was ready again, went away or offline, or another call of
 * its ended (which starts that call's own wrap-up).
 */
public record WrapUp(String agentId, Instant startedAt, long millis) {

}
