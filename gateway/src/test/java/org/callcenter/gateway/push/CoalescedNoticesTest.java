package org.callcenter.gateway.push;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CoalescedNoticesTest {

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final AtomicInteger notices = new AtomicInteger();

	private final CoalescedNotices lineChanges = new CoalescedNotices(Duration.ofMillis(200), this.timer, this.now::get,
			this.notices::incrementAndGet);

	@AfterEach
	void stop() {
		this.timer.shutdownNow();
	}

	@Test
	void aLoneChangeIsNoticedAtOnce() {
		this.lineChanges.signal();
		assertThat(this.notices).hasValue(1);
	}

	@Test
	void changesWithinTheIntervalMakeOneNoticeAtItsEnd() {
		this.lineChanges.signal();
		this.now.addAndGet(Duration.ofMillis(50).toNanos());
		this.lineChanges.signal();
		this.lineChanges.signal();
		this.lineChanges.signal();
		assertThat(this.notices).hasValue(1);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.notices.get() == 2);
		this.now.addAndGet(Duration.ofMillis(150).toNanos());
		assertThat(this.notices).hasValue(2);
	}

	@Test
	void aChangeAfterAQuietIntervalIsNoticedAtOnceAgain() {
		this.lineChanges.signal();
		this.now.addAndGet(Duration.ofMillis(250).toNanos());
		this.lineChanges.signal();
		assertThat(this.notices).hasValue(2);
	}

}
