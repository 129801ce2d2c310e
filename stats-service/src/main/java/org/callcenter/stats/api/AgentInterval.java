package org.callcenter.stats.api;

import java.time.Instant;

/** One agent's figures from {@code start} to {@code end}. */
record AgentInterval(Instant start, Instant end, AgentFigureView figures) {

}
