package org.callcenter.gateway.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.callcenter.contracts.calls.QueueMove;

/**
 * Gathers queue moves into at most one notice per interval. Every waiting caller's page
 * gets every notice, so the gateway's work is notices × open pages: with 10,000 pages and
 * callers leaving ten times a second, one notice per move was 100,000 stream writes a
 * second. When notices go out is {@link CoalescedNotices}' rule (the first move after a
 * quiet interval at once, later ones at the interval's end); this class carries the moves
 * gathered meanwhile, in the order they came.
 */
final class CoalescedMoves {

	private final List<QueueMove> pending = new ArrayList<>();

	private final Consumer<List<QueueMove>> notice;

	private final CoalescedNotices notices;

	CoalescedMoves(Duration interval, ScheduledExecutorService timer, LongSupplier nanoTime,
			Consumer<List<QueueMove>> notice) {
		this.notice = notice;
		this.notices = new CoalescedNotices(interval, timer, nanoTime, this::sendPending);
	}

	void add(QueueMove move) {
		synchronized (this.pending) {
			this.pending.add(move);
		}
		// outside the lock on the moves: a notice takes the notices' lock, then this one
		this.notices.signal();
	}

	/**
	 * Runs under the notices' lock, so that notices leave one at a time, in the order of
	 * their moves; nothing when an earlier notice already took the moves.
	 */
	private void sendPending() {
		List<QueueMove> moves;
		synchronized (this.pending) {
			if (this.pending.isEmpty()) {
				return;
			}
			moves = List.copyOf(this.pending);
			this.pending.clear();
		}
		this.notice.accept(moves);
	}

}
