package org.callcenter.stats.api;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.callcenter.stats.api.ReportRange.Interval;
import org.callcenter.stats.figures.Figures;
import org.callcenter.stats.figures.Intervals;
import org.callcenter.stats.figures.StatsParts.QuarterPart;
import org.callcenter.stats.figures.WrapUps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Hours and days of a time zone summed from the stored quarter hours. */
class ReportRangeTest {

	private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Test
	void aDayInParisBeginsAnHourBeforeTheUtcDayInWinter() {
		// 23:30 UTC on the 25th is 00:30 on the 26th in Paris
		List<Interval> quarters = List.of(quarter("2026-11-25T23:30:00Z", 1), quarter("2026-11-26T10:00:00Z", 2),
				quarter("2026-11-26T23:45:00Z", 4));

		List<Interval> utc = range("2026-11-25", "2026-11-28", "P1D", "UTC").sum(quarters);
		assertThat(utc).extracting(Interval::start)
			.containsExactly(Instant.parse("2026-11-25T00:00:00Z"), Instant.parse("2026-11-26T00:00:00Z"));
		assertThat(utc).extracting((day) -> day.part().figures().offered()).containsExactly(1L, 6L);

		List<Interval> paris = range("2026-11-25", "2026-11-28", "P1D", "Europe/Paris").sum(quarters);
		assertThat(paris).extracting(Interval::start)
			.containsExactly(Instant.parse("2026-11-25T23:00:00Z"), Instant.parse("2026-11-26T23:00:00Z"));
		assertThat(paris).extracting((day) -> day.part().figures().offered()).containsExactly(3L, 4L);
		assertThat(paris.get(0).end()).isEqualTo(Instant.parse("2026-11-26T23:00:00Z"));
	}

	@Test
	void theDayTheClocksGoBackHas25HoursAndItsRepeatedHourIsTwoHours() {
		// Paris, 25 October 2026: 03:00 (+02:00) becomes 02:00 (+01:00) at 01:00 UTC
		List<Interval> quarters = List.of(quarter("2026-10-24T22:00:00Z", 1), quarter("2026-10-25T00:15:00Z", 2),
				quarter("2026-10-25T00:45:00Z", 4), quarter("2026-10-25T01:15:00Z", 8),
				quarter("2026-10-25T22:45:00Z", 16), quarter("2026-10-25T23:00:00Z", 32));

		ReportRange day = range("2026-10-25", "2026-10-26", "P1D", "Europe/Paris");
		assertThat(day.start()).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
		assertThat(day.end()).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
		assertThat(day.sum(quarters)).singleElement()
			.satisfies((sum) -> assertThat(sum.part().figures().offered()).isEqualTo(31));

		List<Interval> hours = range("2026-10-25T02:00+02:00", "2026-10-25T03:00+01:00", "PT1H", "Europe/Paris")
			.sum(quarters);
		assertThat(hours).extracting(Interval::start)
			.containsExactly(Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"));
		assertThat(hours).extracting((hour) -> hour.part().figures().offered()).containsExactly(6L, 8L);
	}

	@Test
	void hoursOfAZoneHalfAnHourFromUtcBeginOnTheHalfHour() {
		List<Interval> quarters = List.of(quarter("2026-11-26T04:15:00Z", 1), quarter("2026-11-26T04:30:00Z", 2),
				quarter("2026-11-26T05:15:00Z", 4));

		List<Interval> kolkata = range("2026-11-26T09:00", "2026-11-26T11:00", "PT1H", "Asia/Kolkata").sum(quarters);
		assertThat(kolkata).extracting(Interval::start)
			.containsExactly(Instant.parse("2026-11-26T03:30:00Z"), Instant.parse("2026-11-26T04:30:00Z"));
		assertThat(kolkata).extracting((hour) -> hour.part().figures().offered()).containsExactly(1L, 6L);
	}

	@Test
	void quarterHoursAreTheStoredOnesFromTheOneTheRangeBeginsIn() {
		ReportRange range = range("2026-11-26T10:07:00Z", "2026-11-26T10:30:00Z", null, null);
		assertThat(range.size()).isEqualTo(IntervalSize.QUARTER_HOUR);
		assertThat(range.start()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
		assertThat(range.end()).isEqualTo(Instant.parse("2026-11-26T10:30:00Z"));
		assertThat(range.fileName()).isEqualTo("callcenter-2026-11-26T1007-2026-11-26T1030-PT15M.csv");
	}

	@Test
	void withoutARangeItIsTodaySoFarInTheZone() {
		ReportRange today = range(null, null, "PT1H", "Europe/Paris");
		assertThat(today.from()).isEqualTo(Instant.parse("2026-11-25T23:00:00Z"));
		assertThat(today.end()).isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
		assertThat(today.fileName()).startsWith("callcenter-2026-11-26-2026-11-26T1300-PT1H");
	}

	@Test
	void badSizesZonesAndRangesAreRefused() {
		assertThatExceptionOfType(InvalidRange.class).isThrownBy(() -> range(null, null, "PT30M", null));
		assertThatExceptionOfType(InvalidRange.class).isThrownBy(() -> range(null, null, "daily", null));
		assertThatExceptionOfType(InvalidRange.class).isThrownBy(() -> range(null, null, null, "Mars/Olympus"));
		assertThatExceptionOfType(InvalidRange.class).isThrownBy(() -> range("yesterday", null, null, null));
		assertThatExceptionOfType(InvalidRange.class).isThrownBy(() -> range("2026-11-27", "2026-11-26", "P1D", null));
		assertThatExceptionOfType(InvalidRange.class).isThrownBy(() -> range("2025-01-01", "2026-11-26", "P1D", null));
		// before March 1911 Paris kept its own mean time, 9 min 21 s ahead of Greenwich
		assertThatExceptionOfType(InvalidRange.class)
			.isThrownBy(() -> range("1911-01-01", "1911-01-02", "P1D", "Europe/Paris"))
			.withMessageContaining("quarter hours");
		assertThat(range("1911-01-01", "1911-01-02", "PT15M", "Europe/Paris").start().atZone(ZoneOffset.UTC).getMinute()
				% 15)
			.isZero();
	}

	private static ReportRange range(String from, String to, String size, String zone) {
		return ReportRange.of(from, to, size, zone, ZoneOffset.UTC, NOW);
	}

	private static Interval quarter(String start, long offered) {
		Instant at = Instant.parse(start);
		return new Interval(at, at.plus(Intervals.LENGTH),
				new QuarterPart(new Figures(offered, 0, 0, 0, 0, 0, 0, 0), WrapUps.NONE));
	}

}
