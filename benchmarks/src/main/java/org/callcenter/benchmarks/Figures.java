package org.callcenter.benchmarks;

import java.util.Arrays;

/**
 * What one measured phase gave: the latencies of the requests that completed in its
 * measurement window (microseconds), how many failed, and how long the window was.
 *
 * @param micros latencies, sorted
 * @param errors requests answered with another status than expected, or not at all
 * @param seconds length of the measurement window
 */
record Figures(long[] micros, int errors, double seconds) {

	static Figures of(long[] micros, int errors, double seconds) {
		long[] sorted = micros.clone();
		Arrays.sort(sorted);
		return new Figures(sorted, errors, seconds);
	}

	int count() {
		return this.micros.length;
	}

	/** Completed requests per second of the window. */
	double perSecond() {
		return (this.seconds > 0) ? this.micros.length / this.seconds : 0;
	}

	/**
	 * The nearest-rank percentile: the smallest latency that {@code p} % of the requests
	 * did not exceed; 0 for no request.
	 */
	long percentile(double p) {
		if (this.micros.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * this.micros.length);
		return this.micros[Math.max(0, Math.min(this.micros.length - 1, rank - 1))];
	}

	long max() {
		return (this.micros.length == 0) ? 0 : this.micros[this.micros.length - 1];
	}

	/** Latencies of many threads, each recording into its own buffer. */
	static final class Buffer {

		private long[] values = new long[1024];

		private int size;

		void add(long micros) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = micros;
		}

		static long[] merge(Iterable<Buffer> buffers) {
			int total = 0;
			for (Buffer buffer : buffers) {
				total += buffer.size;
			}
			long[] all = new long[total];
			int at = 0;
			for (Buffer buffer : buffers) {
				System.arraycopy(buffer.values, 0, all, at, buffer.size);
				at += buffer.size;
			}
			return all;
		}

	}

}
