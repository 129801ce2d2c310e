package org.callcenter.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Waits, between phases, until the machine is quiet: the previous phase's aftermath
 * (thousands of calls ended, their events going through Kafka to every consumer) must not
 * be measured as part of the next phase.
 */
final class Quiet {

	private static final double IDLE = 0.35;

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private Quiet() {
	}

	/**
	 * Returns once the whole machine's CPU load stayed below {@value #IDLE} for a second,
	 * or after {@link #PATIENCE} (saying so).
	 */
	static void await() {
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		int quietSamples = 0;
		os.getCpuLoad();
		while (quietSamples < 4) {
			if (System.nanoTime() > deadline) {
				System.out.println("[benchmark] the machine did not get quiet within " + PATIENCE.toSeconds()
						+ " s; measuring anyway");
				return;
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			double load = os.getCpuLoad();
			quietSamples = (load >= 0 && load < IDLE) ? quietSamples + 1 : 0;
		}
	}

}
