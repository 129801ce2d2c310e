package org.callcenter.gateway.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.callcenter.contracts.calls.QueueMove;

/**
 * Gathers queue moves into at most one notice per interval. Every waiting caller's page
 * gets every notice, so the gateway's work is notices × open pages: with 10,000 pages and
 * callers leaving ten times a second, one notice per move was 100,000 stream writes a
 * second. The first move after a quiet interval goes out at once (a page shows a lone
 * move without delay); moves that follow within the interval wait for its end and go out
 * together, in the order they came.
 */
final class CoalescedMoves {

	private final long intervalNanos;

	private final ScheduledExecutorService timer;

	private final LongSupplier nanoTime;

	private final Consumer<List<QueueMove>> notice;

	private final List<QueueMove> pending = new ArrayList<>();

	private long lastSent;

	private boolean sentOnce;

	private boolean scheduled;

	CoalescedMoves(Duration interval, ScheduledExecutorService timer, LongSupplier nanoTime,
			Consumer<List<QueueMove>> notice) {
		this.intervalNanos = interval.toNanos();
		this.timer = timer;
		this.nanoTime = nanoTime;
		this.notice = notice;
	}

	synchronized void add(QueueMove move) {
		this.pending.add(move);
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

	/**
	 * Sent while holding the lock, so that notices leave in the order of their moves.
	 */
	private void send(long now) {
		if (this.pending.isEmpty()) {
			return;
		}
		List<QueueMove> moves = List.copyOf(this.pending);
		this.pending.clear();
		this.lastSent = now;
		this.sentOnce = true;
		this.notice.accept(moves);
	}

}
