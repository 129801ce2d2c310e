package org.callcenter.queue.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Opening hours are read in the queue's zone, on the wall clock, with exclusive ends. */
class OpeningHoursTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final OpeningHours office = OpeningHours.parse(PARIS, List.of("MON-FRI 09:00-17:00", "SAT 10:00-14:00"));

	@Test
	void openWithinAWindowOfTheDayInTheQueuesZoneAndClosedAtItsEnd() {
		// Thursday 26 November 2026: Paris is UTC+1
		assertThat(this.office.isOpen(Instant.parse("2026-11-26T08:00:00Z"))).as("09:00 in Paris").isTrue();
		assertThat(this.office.isOpen(Instant.parse("2026-11-26T07:59:59Z"))).as("08:59:59 in Paris").isFalse();
		assertThat(this.office.isOpen(Instant.parse("2026-11-26T15:59:59Z"))).as("16:59:59 in Paris").isTrue();
		assertThat(this.office.isOpen(Instant.parse("2026-11-26T16:00:00Z"))).as("17:00 in Paris").isFalse();
		assertThat(this.office.isOpen(Instant.parse("2026-11-28T09:30:00Z"))).as("Saturday 10:30").isTrue();
		assertThat(this.office.isOpen(Instant.parse("2026-11-29T10:00:00Z"))).as("Sunday").isFalse();
	}

	@Test
	void theNextOpeningSkipsTheWeekend() {
		assertThat(this.office.nextOpening(Instant.parse("2026-11-28T14:00:00Z")))
			.as("Saturday 15:00 in Paris: Monday 09:00")
			.contains(Instant.parse("2026-11-30T08:00:00Z"));
		assertThat(this.office.nextOpening(Instant.parse("2026-11-26T10:00:00Z"))).as("open now")
			.contains(Instant.parse("2026-11-26T10:00:00Z"));
	}

	@Test
	void windowsKeepTheirWallClockHoursAcrossADaylightSavingChange() {
		// Sunday 29 March 2026 Paris moves to UTC+2: Monday 09:00 is 07:00 UTC
		assertThat(this.office.nextOpening(Instant.parse("2026-03-28T14:00:00Z")))
			.contains(Instant.parse("2026-03-30T07:00:00Z"));
	}

	@Test
	void noWindowIsAlwaysOpenAndTwentyFourHundredIsTheEndOfTheDay() {
		assertThat(OpeningHours.parse(PARIS, List.of()).isOpen(Instant.parse("2026-11-29T03:00:00Z"))).isTrue();
		OpeningHours lateShift = OpeningHours.parse(PARIS, List.of("SUN 22:00-24:00"));
		assertThat(lateShift.isOpen(Instant.parse("2026-11-29T22:59:59Z"))).isTrue();
		assertThat(lateShift.isOpen(Instant.parse("2026-11-29T23:00:00Z"))).as("Monday 00:00").isFalse();
	}

	@Test
	void aRangeOfDaysMayWrapRoundTheWeek() {
		OpeningHours weekend = OpeningHours.parse(PARIS, List.of("SAT-MON 10:00-12:00"));
		assertThat(weekend.isOpen(Instant.parse("2026-11-29T10:00:00Z"))).as("Sunday").isTrue();
		assertThat(weekend.isOpen(Instant.parse("2026-11-30T10:00:00Z"))).as("Monday").isTrue();
		assertThat(weekend.isOpen(Instant.parse("2026-11-26T10:00:00Z"))).as("Thursday").isFalse();
	}

	@Test
	void windowsWrittenWrongAreRefusedSayingWhich() {
		assertThatIllegalArgumentException().isThrownBy(() -> OpeningHours.parse(PARIS, List.of("MON-FRI 9-17")))
			.withMessageContaining("MON-FRI 9-17");
		assertThatIllegalArgumentException().isThrownBy(() -> OpeningHours.parse(PARIS, List.of("MOO 09:00-17:00")))
			.withMessageContaining("MOO");
		assertThatIllegalArgumentException().isThrownBy(() -> OpeningHours.parse(PARIS, List.of("MON 17:00-09:00")))
			.withMessageContaining("past midnight");
		assertThatIllegalArgumentException().isThrownBy(() -> OpeningHours.parse(PARIS, List.of("MON 09:00-25:00")))
			.withMessageContaining("25:00");
	}

}
