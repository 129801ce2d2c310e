package org.callcenter.queue;

import org.junit.jupiter.api.Test;

import org.callcenter.queue.QueueClient.Reply;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code max-callers-per-agent}, callers beyond the agents' room wait in FIFO order.
 */
@TestPropertySource(properties = { "queue.namespace=capped", "queue.max-callers-per-agent=1" })
class CappedQueueIT extends QueueServiceTestBase {

	@Test
	void callersBeyondTheCapWaitWithVisiblePositions() {
		this.api.goOnline("alice");

		Reply first = this.api.dial("c1");
		Reply second = this.api.dial("c2");
		Reply third = this.api.dial("c3");

		assertThat(first.agentId()).isEqualTo("alice");
		assertThat(second.state()).isEqualTo("WAITING");
		assertThat(second.position()).isEqualTo(1);
		assertThat(third.position()).isEqualTo(2);
	}

	@Test
	void anAgentWithRoomAgainTakesTheOldestWaitingCaller() {
		this.api.goOnline("alice");
		Reply first = this.api.dial("c1");
		Reply second = this.api.dial("c2");
		Reply third = this.api.dial("c3");

		this.api.end("alice", first.callId());

		assertThat(this.api.status(second.callId()).agentId()).isEqualTo("alice");
		assertThat(this.api.status(third.callId()).position()).isEqualTo(1);
	}

	@Test
	void aNewAgentTakesWaitingCallersUpToItsCap() {
		this.api.goOnline("alice");
		this.api.dial("c1");
		Reply second = this.api.dial("c2");
		Reply third = this.api.dial("c3");

		this.api.goOnline("bruno");

		assertThat(this.api.status(second.callId()).agentId()).isEqualTo("bruno");
		assertThat(this.api.status(third.callId()).position()).isEqualTo(1);
	}

	@Test
	void callersOfAnAgentWhoLeavesGoBackAheadOfLaterArrivals() {
		this.api.goOnline("alice");
		this.api.goOnline("bruno");
		Reply first = this.api.dial("c1");
		Reply second = this.api.dial("c2");
		Reply later = this.api.dial("c3");
		String firstAgent = first.agentId();

		this.api.goOffline(firstAgent);

		Reply moved = this.api.status(first.callId());
		assertThat(moved.state()).isEqualTo("WAITING");
		assertThat(moved.position()).isEqualTo(1);
		assertThat(this.api.status(later.callId()).position()).isEqualTo(2);
		assertThat(this.api.status(second.callId()).state()).isEqualTo("ASSIGNED");
	}

}
