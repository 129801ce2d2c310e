package org.callcenter.stats.api;

import java.time.Instant;

/** The figures of the calls that reached the center from {@code start} to {@code end}. */
record IntervalStats(Instant start, Instant end, FigureView figures) {

}
