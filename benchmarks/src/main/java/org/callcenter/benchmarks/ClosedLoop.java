package org.callcenter.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Closed loop, as {@code wrk -c<connections>}: each connection sends its next request as
 * soon as the previous one is answered, for a warm-up and then a measurement window.
 * Requests answered within the window count; a slow server gets fewer requests, so this
 * measures throughput (and the latency that goes with it), not latency at a given rate.
 */
final class ClosedLoop {

	private ClosedLoop() {
	}

	/**
	 * @param answers gets every answer, after it was timed (dials are kept to be ended
	 * after the phase)
	 */
	static Figures run(URI base, int connections, Duration warmUp, Duration measured, byte[] request,
			int expectedStatus, Consumer<HttpConnection.Response> answers) {
		long start = System.nanoTime();
		long measureFrom = start + warmUp.toNanos();
		long measureUntil = measureFrom + measured.toNanos();
		List<Figures.Buffer> buffers = new ArrayList<>();
		AtomicInteger errors = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(connections);
		for (int c = 0; c < connections; c++) {
			Figures.Buffer buffer = new Figures.Buffer();
			buffers.add(buffer);
			Thread sender = new Thread(() -> {
				try (HttpConnection connection = new HttpConnection(base)) {
					long now = System.nanoTime();
					while (now < measureUntil) {
						long before = now;
						HttpConnection.Response answer;
						try {
							answer = connection.send(request);
						}
						catch (IOException ex) {
							answer = null;
						}
						now = System.nanoTime();
						boolean ok = answer != null && answer.status() == expectedStatus;
						if (answer != null) {
							answers.accept(answer);
						}
						if (now >= measureFrom && now < measureUntil) {
							if (ok) {
								buffer.add((now - before) / 1000);
							}
							else {
								errors.incrementAndGet();
							}
						}
					}
				}
				finally {
					done.countDown();
				}
			}, "closed-loop-" + c);
			sender.start();
		}
		await(done);
		return Figures.of(Figures.Buffer.merge(buffers), errors.get(), measured.toNanos() / 1e9);
	}

	static void await(CountDownLatch done) {
		try {
			done.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
