package org.callcenter.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Open loop, as wrk2 does it: requests are due at the fixed times of an
 * {@link ArrivalSchedule}, sent by a pool of connections; a request whose time comes
 * while every connection is busy waits, and its latency counts from the time it was due.
 */
final class OpenLoop {

	private OpenLoop() {
	}

	/**
	 * @param request the bytes of the {@code i}-th request
	 * @param connections senders (and connections): enough for the rate times the worst
	 * latency expected, beyond which requests queue here, late and charged for it
	 * @param firstMeasured requests before this one warm up: sent on schedule, not
	 * counted
	 * @param answers gets every answer, after it was timed
	 */
	static Result run(URI base, ArrivalSchedule schedule, int firstMeasured, int connections,
			IntFunction<byte[]> request, int expectedStatus, Consumer<HttpConnection.Response> answers) {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		List<Figures.Buffer> buffers = new ArrayList<>();
		long[] lastAnswer = new long[connections];
		CountDownLatch done = new CountDownLatch(connections);
		for (int c = 0; c < connections; c++) {
			Figures.Buffer buffer = new Figures.Buffer();
			buffers.add(buffer);
			int sender = c;
			Thread thread = new Thread(() -> {
				try (HttpConnection connection = new HttpConnection(base)) {
					for (int i = next.getAndIncrement(); i < schedule.count(); i = next.getAndIncrement()) {
						long due = schedule.due(i);
						for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
							LockSupport.parkNanos(wait);
						}
						HttpConnection.Response answer;
						try {
							answer = connection.send(request.apply(i));
						}
						catch (IOException ex) {
							answer = null;
						}
						long now = System.nanoTime();
						boolean ok = answer != null && answer.status() == expectedStatus;
						if (answer != null) {
							answers.accept(answer);
						}
						lastAnswer[sender] = now;
						if (i < firstMeasured) {
							continue;
						}
						if (ok) {
							buffer.add((now - due) / 1000);
						}
						else {
							errors.incrementAndGet();
						}
					}
				}
				finally {
					done.countDown();
				}
			}, "open-loop-" + c);
			thread.setDaemon(true);
			thread.start();
		}
		ClosedLoop.await(done);
		long from = schedule.due(Math.min(firstMeasured, schedule.count() - 1));
		long last = from;
		for (long answered : lastAnswer) {
			last = Math.max(last, answered);
		}
		// achieved: what the server completed over the time it took, which falls below
		// the
		// offered rate once requests queue up
		double seconds = (last - from) / 1e9;
		return new Result(Figures.of(Figures.Buffer.merge(buffers), errors.get(), seconds), schedule.perSecond());
	}

	/** The latencies (from due times) and the rate that was offered. */
	record Result(Figures figures, double offeredPerSecond) {

	}

}
