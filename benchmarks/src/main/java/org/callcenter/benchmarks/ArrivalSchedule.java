package org.callcenter.benchmarks;

/**
 * Open-loop arrivals: the {@code i}-th request is due at a fixed time, {@code i / rate}
 * seconds after the start, whatever happened to the earlier ones. A request is late when
 * every sender was still busy at its time; its latency counts from the time it was due,
 * so a server that stalls is charged for the requests it kept waiting (coordinated
 * omission accounted for, as wrk2 does).
 *
 * @param startNanos {@link System#nanoTime()} of the first arrival
 * @param perSecond arrivals per second
 * @param count how many arrivals
 */
record ArrivalSchedule(long startNanos, double perSecond, int count) {

	ArrivalSchedule {
		if (perSecond <= 0) {
			throw new IllegalArgumentException("the arrival rate must be positive");
		}
	}

	static ArrivalSchedule of(long startNanos, double perSecond, double seconds) {
		return new ArrivalSchedule(startNanos, perSecond, (int) Math.round(perSecond * seconds));
	}

	/** When the {@code index}-th request is due, in {@link System#nanoTime()} terms. */
	long due(int index) {
		return this.startNanos + Math.round(index * 1_000_000_000.0 / this.perSecond);
	}

	/** When the last request is due. */
	long end() {
		return due(Math.max(0, this.count - 1));
	}

}
