package org.callcenter.gateway.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.callcenter.contracts.calls.QueueMove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CoalescedMovesTest {

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final List<List<QueueMove>> notices = new ArrayList<>();

	private final CoalescedMoves moves = new CoalescedMoves(Duration.ofMillis(200), this.timer, this.now::get,
			(notice) -> {
				synchronized (this.notices) {
					this.notices.add(notice);
				}
			});

	@AfterEach
	void stop() {
		this.timer.shutdownNow();
	}

	@Test
	void aLoneMoveGoesOutAtOnce() {
		this.moves.add(move(1));
		assertThat(notices()).containsExactly(List.of(move(1)));
	}

	@Test
	void movesWithinTheIntervalGoOutTogetherInTheirOrderAtItsEnd() {
		this.moves.add(move(1));
		this.now.addAndGet(Duration.ofMillis(50).toNanos());
		this.moves.add(move(2));
		this.moves.add(move(3));
		assertThat(notices()).containsExactly(List.of(move(1)));
		await().atMost(Duration.ofSeconds(5)).until(() -> notices().size() == 2);
		assertThat(notices()).containsExactly(List.of(move(1)), List.of(move(2), move(3)));
	}

	@Test
	void aMoveAfterAQuietIntervalGoesOutAtOnceAgain() {
		this.moves.add(move(1));
		this.now.addAndGet(Duration.ofMillis(250).toNanos());
		this.moves.add(move(2));
		assertThat(notices()).containsExactly(List.of(move(1)), List.of(move(2)));
	}

	private List<List<QueueMove>> notices() {
		synchronized (this.notices) {
			return List.copyOf(this.notices);
		}
	}

	private static QueueMove move(long version) {
		return new QueueMove(version, version * 10, false);
	}

}
