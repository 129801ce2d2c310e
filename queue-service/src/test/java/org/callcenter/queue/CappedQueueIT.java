package org.callcenter.queue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.QueueMove;
import org.callcenter.queue.QueueClient.Reply;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

	/**
	 * What a waiting caller's page does with the pushed moves: its place as read, plus
	 * one for each numbered move of an earlier arrival that joined, minus one for each
	 * that left.
	 */
	@Test
	void eachWaitingCallersPlaceFollowsFromTheNumberedMovesAlsoWhenACallerGoesBackAhead() {
		this.api.goOnline("alice");
		this.api.goOnline("bruno");
		Reply first = this.api.dial("c1");
		Reply second = this.api.dial("c2");
		Reply third = this.api.dial("c3");
		Reply fourth = this.api.dial("c4");
		Reply fifth = this.api.dial("c5");
		Map<String, Reply> read = Map.of(third.callId(), this.api.status(third.callId()), fifth.callId(),
				this.api.status(fifth.callId()));
		assertThat(read.get(fifth.callId()).position()).isEqualTo(3);

		this.api.leave(fourth.callId());
		// c1's agent leaves: c1 goes back to the head of the line, ahead of c3 and c5
		this.api.goOffline(first.agentId());
		assertThat(this.api.status(first.callId()).position()).isEqualTo(1);
		// c2's agent is free again and takes the head of the line: c1
		this.api.end(second.agentId(), second.callId());
		assertThat(this.api.status(first.callId()).agentId()).isEqualTo(second.agentId());
		// a new caller at the end of the line moves nobody
		Reply sixth = this.api.dial("c6");

		List<String> ours = List.of(first.callId(), second.callId(), third.callId(), fourth.callId(), fifth.callId(),
				sixth.callId());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> moves(ours).size() >= 3 && !events(List.of(sixth.callId())).isEmpty());
		List<QueueMove> moves = moves(ours);

		// c4 left with c5 behind it, c1 joined ahead of c3 and c5, c1 left ahead of them
		assertThat(moves).extracting(QueueMove::joined).containsExactly(false, true, false);
		assertThat(moves).extracting(QueueMove::version).containsExactly(1L, 2L, 3L);
		assertThat(events(List.of(sixth.callId()))).allMatch((event) -> event.queueMove() == null);
		for (String waiting : List.of(third.callId(), fifth.callId())) {
			assertThat(placeFrom(read.get(waiting), moves)).as(waiting).isEqualTo(this.api.status(waiting).position());
		}
		Reply sixthRead = this.api.status(sixth.callId());
		assertThat(sixthRead.call().get("queueVersion").asLong()).isEqualTo(3);
		assertThat(sixthRead.position()).isEqualTo(3);
	}

	private static List<QueueMove> moves(List<String> callIds) {
		return events(callIds).stream()
			.map(CallEvent::queueMove)
			.filter(Objects::nonNull)
			.distinct()
			.sorted(Comparator.comparingLong(QueueMove::version))
			.toList();
	}

	private static List<CallEvent> events(List<String> callIds) {
		Set<String> ids = Set.copyOf(callIds);
		return CALL_EVENTS.values((event) -> ids.contains(event.callId()))
			.stream()
			.collect(Collectors.toMap(CallEvent::eventId, Function.identity(), (a, b) -> a))
			.values()
			.stream()
			.toList();
	}

	private static int placeFrom(Reply read, List<QueueMove> moves) {
		long arrival = read.call().get("arrival").asLong();
		long version = read.call().get("queueVersion").asLong();
		int place = read.position();
		for (QueueMove move : moves) {
			if (move.version() > version && move.arrival() < arrival) {
				place += move.joined() ? 1 : -1;
			}
		}
		return place;
	}

}
