package org.callcenter.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ArrivalScheduleTest {

	@Test
	void requestsAreDueAtFixedIntervalsFromTheStart() {
		ArrivalSchedule schedule = ArrivalSchedule.of(1_000, 200, 20);
		assertThat(schedule.count()).isEqualTo(4000);
		assertThat(schedule.due(0)).isEqualTo(1_000);
		assertThat(schedule.due(1)).isEqualTo(1_000 + 5_000_000);
		assertThat(schedule.due(200)).isEqualTo(1_000 + 1_000_000_000L);
		assertThat(schedule.end()).isEqualTo(1_000 + 3999 * 5_000_000L);
	}

	@Test
	void dueTimesDoNotDriftAtRatesThatAreNotWholeNanoseconds() {
		ArrivalSchedule schedule = ArrivalSchedule.of(0, 3, 3600);
		// 1/3 s is no whole number of nanoseconds; an hour later the schedule is still
		// exact
		assertThat(schedule.due(3 * 3600)).isEqualTo(3600 * 1_000_000_000L);
	}

	@Test
	void aRateMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> ArrivalSchedule.of(0, 0, 10));
	}

}
