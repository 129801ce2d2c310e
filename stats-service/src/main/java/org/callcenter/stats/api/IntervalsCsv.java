package org.callcenter.stats.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.StringJoiner;

import org.springframework.http.MediaType;

/**
 * A report as CSV (RFC 4180): one header row, then one row per interval with its start
 * and end in the report's time zone (ISO-8601 with the offset, so a day on which the
 * clocks change reads right), the counts, and the rates and averages, an empty cell where
 * nothing counts yet. Only numbers and dates, so no cell needs quoting and none can be
 * taken for a spreadsheet formula.
 */
final class IntervalsCsv {

	static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

	static final String HEADER = "start,end,offered,answered,answeredInThreshold,abandoned,shortAbandoned,handled,"
			+ "serviceLevel,abandonRate,averageSpeedOfAnswerSeconds,averageHandleSeconds,wrapUps,averageWrapUpSeconds";

	private IntervalsCsv() {
	}

	static String write(List<IntervalStats> intervals, ZoneId zone) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (IntervalStats interval : intervals) {
			FigureView figures = interval.figures();
			StringJoiner row = new StringJoiner(",");
			row.add(time(interval.start(), zone))
				.add(time(interval.end(), zone))
				.add(Long.toString(figures.offered()))
				.add(Long.toString(figures.answered()))
				.add(Long.toString(figures.answeredInThreshold()))
				.add(Long.toString(figures.abandoned()))
				.add(Long.toString(figures.shortAbandoned()))
				.add(Long.toString(figures.handled()))
				.add(decimal(figures.serviceLevel(), 4))
				.add(decimal(figures.abandonRate(), 4))
				.add(decimal(figures.averageSpeedOfAnswerSeconds(), 1))
				.add(decimal(figures.averageHandleSeconds(), 1))
				.add(Long.toString(figures.wrapUps()))
				.add(decimal(figures.averageWrapUpSeconds(), 1));
			csv.append(row).append("\r\n");
		}
		return csv.toString();
	}

	static String time(Instant at, ZoneId zone) {
		return OffsetDateTime.ofInstant(at, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	/** A dot for the decimals whatever the locale; empty for null. */
	static String decimal(Double value, int places) {
		if (value == null) {
			return "";
		}
		return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

}
