package org.callcenter.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {

	@Test
	void percentilesAreNearestRankOverTheSortedLatencies() {
		long[] micros = new long[100];
		for (int i = 0; i < 100; i++) {
			micros[i] = 100 - i; // 100 down to 1
		}
		Figures figures = Figures.of(micros, 0, 1);
		assertThat(figures.percentile(50)).isEqualTo(50);
		assertThat(figures.percentile(99)).isEqualTo(99);
		assertThat(figures.percentile(100)).isEqualTo(100);
		assertThat(figures.percentile(0.1)).isEqualTo(1);
		assertThat(figures.max()).isEqualTo(100);
	}

	@Test
	void oneSlowRequestInAHundredIsThePercentileAboveNinetyNine() {
		long[] micros = new long[100];
		java.util.Arrays.fill(micros, 1_000);
		micros[17] = 900_000;
		Figures figures = Figures.of(micros, 0, 1);
		assertThat(figures.percentile(99)).isEqualTo(1_000);
		assertThat(figures.percentile(99.9)).isEqualTo(900_000);
		assertThat(figures.max()).isEqualTo(900_000);
	}

	@Test
	void rateIsCompletedRequestsOverTheWindowAndErrorsAreNotCounted() {
		Figures figures = Figures.of(new long[] { 5, 6, 7, 8 }, 3, 2.0);
		assertThat(figures.count()).isEqualTo(4);
		assertThat(figures.perSecond()).isEqualTo(2.0);
		assertThat(figures.errors()).isEqualTo(3);
	}

	@Test
	void noRequestsGiveZeroesRatherThanFailing() {
		Figures figures = Figures.of(new long[0], 0, 0);
		assertThat(figures.percentile(99)).isZero();
		assertThat(figures.max()).isZero();
		assertThat(figures.perSecond()).isZero();
	}

	@Test
	void buffersOfManyThreadsMergeWhole() {
		Figures.Buffer one = new Figures.Buffer();
		Figures.Buffer two = new Figures.Buffer();
		for (int i = 0; i < 3000; i++) {
			one.add(i);
		}
		two.add(-1);
		assertThat(Figures.Buffer.merge(List.of(one, two))).hasSize(3001).startsWith(0, 1, 2).endsWith(2999, -1);
	}

}
