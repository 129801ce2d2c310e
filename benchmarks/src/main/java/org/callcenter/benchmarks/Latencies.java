package org.callcenter.benchmarks;

import java.util.Arrays;

/**
 * Latencies of one kind of request, in microseconds, with the figures a reader compares.
 */
record Latencies(String name, long[] micros, long wallMillis) {

	long percentile(double p) {
		long[] sorted = this.micros.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	double perSecond() {
		return this.micros.length * 1000.0 / Math.max(1, this.wallMillis);
	}

	String row() {
		return String.format("| %s | %d | %.2f | %.2f | %.2f | %.0f |", this.name, this.micros.length,
				percentile(50) / 1000.0, percentile(95) / 1000.0, percentile(99) / 1000.0, perSecond());
	}

}
