package org.callcenter.stats.api;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.callcenter.stats.figures.Intervals;
import org.callcenter.stats.figures.StatsParts.QuarterPart;

/**
 * The intervals a report asks for: from the one {@code from} falls in up to the one
 * {@code to} falls in (an interval starting at {@code to} is not included), each
 * {@code size} long in {@code zone}.
 *
 * @param from the moment the report asks from
 * @param to the moment the report asks to (exclusive)
 * @param start the start of the first interval
 * @param end the end of the last interval
 */
record ReportRange(Instant from, Instant to, IntervalSize size, ZoneId zone, Instant start, Instant end) {

	/** A year of quarter hours at most in one report (35,136 rows). */
	static final Duration LONGEST_RANGE = Duration.ofDays(366);

	private static final long QUARTER_MILLIS = Intervals.LENGTH.toMillis();

	/**
	 * The range the query parameters ask for; each may be null (absent). {@code from} and
	 * {@code to} are ISO-8601 instants ({@code 2026-11-26T00:00:00Z}), date-times with an
	 * offset, local date-times or dates (at midnight) in the zone; they default to the
	 * zone's today so far. The size defaults to a quarter hour.
	 * @throws InvalidRange for a parameter that cannot be read, a range that is empty,
	 * reversed or longer than {@link #LONGEST_RANGE}
	 */
	static ReportRange of(String from, String to, String size, String zone, ZoneId defaultZone, Instant now) {
		ZoneId zoneId = zone(zone, defaultZone);
		IntervalSize intervalSize = blank(size) ? IntervalSize.QUARTER_HOUR : IntervalSize.of(size.strip());
		Instant fromAt = blank(from) ? IntervalSize.DAY.startOf(now, zoneId) : moment("from", from, zoneId);
		Instant toAt = blank(to) ? now.plusMillis(1) : moment("to", to, zoneId);
		if (!fromAt.isBefore(toAt)) {
			throw new InvalidRange("'from' must be before 'to'.");
		}
		if (Duration.between(fromAt, toAt).compareTo(LONGEST_RANGE) > 0) {
			throw new InvalidRange("A report covers at most " + LONGEST_RANGE.toDays() + " days.");
		}
		Instant start = intervalSize.startOf(fromAt, zoneId);
		Instant end = intervalSize.endOf(intervalSize.startOf(toAt.minusMillis(1), zoneId), zoneId);
		ReportRange range = new ReportRange(fromAt, toAt, intervalSize, zoneId, start, end);
		range.checkWholeQuarters(start);
		range.checkWholeQuarters(end);
		return range;
	}

	/**
	 * The stored quarter hours (in start order) summed into this range's intervals; an
	 * interval without any is left out.
	 */
	List<Interval> sum(List<Interval> quarters) {
		Map<Instant, Interval> sums = new LinkedHashMap<>();
		for (Interval quarter : quarters) {
			Instant start = intervalOf(quarter.start());
			if (start == null) {
				continue;
			}
			sums.merge(start, new Interval(start, endOf(start), quarter.part()),
					(sum, more) -> new Interval(sum.start(), sum.end(), sum.part().plus(more.part())));
		}
		return new ArrayList<>(sums.values());
	}

	/**
	 * The start of this range's interval that the stored quarter hour from
	 * {@code quarter} belongs to; null if that interval is outside the range.
	 * @throws InvalidRange if the interval does not begin on a stored quarter hour
	 */
	Instant intervalOf(Instant quarter) {
		Instant start = this.size.startOf(quarter, this.zone);
		if (start.isBefore(this.start) || !start.isBefore(this.end)) {
			return null;
		}
		checkWholeQuarters(start);
		return start;
	}

	/** The end of this range's interval that starts at {@code start}. */
	Instant endOf(Instant start) {
		return this.size.endOf(start, this.zone);
	}

	/**
	 * A name for a report file: {@code callcenter-<from>-<to>-<size>.csv}, the range's
	 * ends in the zone's local time (a date alone at midnight), without colons so that
	 * every file system takes it.
	 */
	String fileName() {
		return fileName("callcenter");
	}

	/** {@code <name>-<from>-<to>-<size>.csv}, as {@link #fileName()}. */
	String fileName(String name) {
		return name + "-" + local(this.from) + "-" + local(this.to) + "-" + this.size.iso() + ".csv";
	}

	private String local(Instant at) {
		LocalDateTime local = LocalDateTime.ofInstant(at, this.zone);
		if (local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
			return local.toLocalDate().toString();
		}
		return local.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmm"));
	}

	private void checkWholeQuarters(Instant start) {
		if (start.toEpochMilli() % QUARTER_MILLIS != 0) {
			throw new InvalidRange("Time zone " + this.zone
					+ " is not a whole number of quarter hours from UTC in this range: its hours and days cannot be made of the stored quarter hours.");
		}
	}

	private static ZoneId zone(String zone, ZoneId defaultZone) {
		if (blank(zone)) {
			return defaultZone;
		}
		try {
			return ZoneId.of(zone.strip());
		}
		catch (DateTimeException ex) {
			throw new InvalidRange("'zone' must be a time zone such as Europe/Paris or UTC.");
		}
	}

	private static Instant moment(String name, String text, ZoneId zone) {
		String value = text.strip();
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value).atStartOfDay(zone).toInstant();
			}
			if (value.endsWith("Z") || value.endsWith("z")) {
				return Instant.parse(value.toUpperCase(java.util.Locale.ROOT));
			}
			if (hasOffset(value)) {
				return OffsetDateTime.parse(value).toInstant();
			}
			return LocalDateTime.parse(value).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRange("'" + name
					+ "' must be an ISO-8601 instant (2026-11-26T00:00:00Z), a date-time (2026-11-26T08:00) or a date (2026-11-26).");
		}
	}

	/** After the time part (past the 'T'), a '+' or '-' starts an offset. */
	private static boolean hasOffset(String value) {
		int time = value.indexOf('T');
		return time > 0 && (value.indexOf('+', time) > 0 || value.indexOf('-', time) > 0);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * One interval of a report: the figures of the calls that reached the center in it,
	 * and the wrap-ups that began in it.
	 */
	record Interval(Instant start, Instant end, QuarterPart part) {

	}

}
