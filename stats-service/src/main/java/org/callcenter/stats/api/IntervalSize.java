package org.callcenter.stats.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.callcenter.stats.figures.Intervals;

/**
 * How long a report's intervals are: the stored quarter hours, or hours and days of a
 * time zone made of them. Every time zone in use today is a whole number of quarter hours
 * from UTC, so its hours and days begin on a stored quarter hour and are exact sums of
 * them.
 */
enum IntervalSize {

	QUARTER_HOUR(Intervals.LENGTH), HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

	private final Duration length;

	IntervalSize(Duration length) {
		this.length = length;
	}

	/**
	 * The size an ISO-8601 duration names: {@code PT15M}, {@code PT1H} or {@code P1D}
	 * ({@code PT60M} or {@code PT24H} mean the same).
	 */
	static IntervalSize of(String iso) {
		try {
			Duration length = Duration.parse(iso);
			for (IntervalSize size : values()) {
				if (size.length.equals(length)) {
					return size;
				}
			}
		}
		catch (DateTimeParseException ex) {
			// refused below, like any other size
		}
		throw new InvalidRange("'size' must be PT15M, PT1H or P1D.");
	}

	/** As the API writes it: PT15M, PT1H, P1D. */
	String iso() {
		return (this == DAY) ? "P1D" : this.length.toString();
	}

	/** The start of the interval {@code at} falls in, in {@code zone}. */
	Instant startOf(Instant at, ZoneId zone) {
		return switch (this) {
			case QUARTER_HOUR -> Intervals.startOf(at);
			// on the local time line, so an hour repeated when the clocks go back is two
			// hours (each keeps its offset)
			case HOUR -> ZonedDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.HOURS).toInstant();
			case DAY -> ZonedDateTime.ofInstant(at, zone).toLocalDate().atStartOfDay(zone).toInstant();
		};
	}

	/**
	 * The end of the interval that starts at {@code start}: a day is 23 or 25 hours when
	 * the clocks change in it.
	 */
	Instant endOf(Instant start, ZoneId zone) {
		return switch (this) {
			case QUARTER_HOUR, HOUR -> start.plus(this.length);
			case DAY -> ZonedDateTime.ofInstant(start, zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
		};
	}

}
