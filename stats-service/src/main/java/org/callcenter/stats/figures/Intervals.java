package org.callcenter.stats.figures;

import java.time.Duration;
import java.time.Instant;

/**
 * The 15-minute reporting intervals, aligned to UTC quarter hours: every time zone in use
 * is offset from UTC by a multiple of 15 minutes, so they are quarter hours everywhere.
 */
public final class Intervals {

	public static final Duration LENGTH = Duration.ofMinutes(15);

	private Intervals() {
	}

	/** The start of the interval {@code at} falls in. */
	public static Instant startOf(Instant at) {
		long length = LENGTH.toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), length) * length);
	}

}
