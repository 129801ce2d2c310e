package org.callcenter.gateway.push;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Turns many "something changed" signals into at most one notice per interval: the first
 * signal after a quiet interval goes out at once, later ones within the interval become
 * one notice at its end. For a page that reads the new state on each notice (the
 * supervisors' waiting list): a busy queue costs it at most one read per interval, a lone
 * change none of its latency.
 */
final class CoalescedNotices {

	private final long intervalNanos;

	private final ScheduledExecutorService timer;

	private final LongSupplier nanoTime;

	private final Runnable notice;

	private long lastSent;

	private boolean sentOnce;

	private boolean scheduled;

	CoalescedNotices(Duration interval, ScheduledExecutorService timer, LongSupplier nanoTime, Runnable notice) {
		this.intervalNanos = interval.toNanos();
		this.timer = timer;
		this.nanoTime = nanoTime;
		this.notice = notice;
	}

	synchronized void signal() {
		if (this.scheduled) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		long wait = this.sentOnce ? this.lastSent + this.intervalNanos - now : 0;
		if (wait <= 0) {
			send(now);
		}
		else {
			this.scheduled = true;
			this.timer.schedule(this::sendScheduled, wait, TimeUnit.NANOSECONDS);
		}
	}

	private synchronized void sendScheduled() {
		this.scheduled = false;
		send(this.nanoTime.getAsLong());
	}

	private void send(long now) {
		this.lastSent = now;
		this.sentOnce = true;
		this.notice.run();
	}

}
