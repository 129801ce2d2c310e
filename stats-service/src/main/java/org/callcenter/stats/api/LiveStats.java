package org.callcenter.stats.api;

import java.time.Instant;

/**
 * The center now.
 *
 * @param at when these figures were read (the wait below is measured to it)
 * @param today the calls that reached the center since midnight UTC
 * @param total every call in the events' history
 * @param waitingNow callers not yet with an agent (queued, or given or offered to an
 * agent who has not accepted yet)
 * @param longestWaitSeconds how long the longest-waiting of them has waited since it
 * reached the center; 0 when none waits
 */
record LiveStats(Instant at, FigureView today, FigureView total, int waitingNow, long longestWaitSeconds) {

}
