package org.callcenter.gateway.push;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.CallState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which caller pages hear that the callers ahead of them with their agent changed: those
 * given to that agent and not taken yet, for changes of the agent's line only.
 */
class AgentLinesTest {

	private final AgentLines lines = new AgentLines();

	private final List<String> heard = new CopyOnWriteArrayList<>();

	private final List<Disposable> pages = new CopyOnWriteArrayList<>();

	@AfterEach
	void closePages() {
		this.pages.forEach(Disposable::dispose);
	}

	@Test
	void aCallAssignedToAnAgentHearsWhenAnotherOfItsCallersIsTakenOrEnds() {
		open("mia");
		this.lines.read("mia", CallState.ASSIGNED, "alice");

		this.lines.on(event("ann", CallEventType.ACCEPTED, CallState.ON_CALL, "alice", null));
		this.lines.on(event("ann", CallEventType.ENDED, CallState.ENDED, "alice", null));

		assertThat(this.heard).containsExactly("mia", "mia");
	}

	@Test
	void otherAgentsCallsChatHoldsAndItsOwnEventsSayNothing() {
		open("mia");
		this.lines.read("mia", CallState.OFFERED, "alice");

		this.lines.on(event("bob-caller", CallEventType.ENDED, CallState.ENDED, "bob", null));
		this.lines.on(event("ann", CallEventType.MESSAGE, CallState.ON_CALL, "alice", null));
		this.lines.on(event("ann", CallEventType.HELD, CallState.ON_HOLD, "alice", null));
		this.lines.on(event("mia", CallEventType.ASSIGNED, CallState.ASSIGNED, "alice", null));

		assertThat(this.heard).isEmpty();
	}

	@Test
	void aCallerMovedAwayFromTheAgentTellsThoseItLeftBehind() {
		open("mia");
		this.lines.read("mia", CallState.ASSIGNED, "alice");

		// ann went back to the queue from alice, then to bob
		this.lines.on(event("ann", CallEventType.QUEUED, CallState.WAITING, null, "alice"));
		this.lines.on(event("ann", CallEventType.ASSIGNED, CallState.ASSIGNED, "bob", "alice"));

		assertThat(this.heard).containsExactly("mia", "mia");
	}

	@Test
	void theCallsOwnEventsSayWhichAgentItWaitsWithAndWinOverAnOlderRead() {
		open("mia");
		this.lines.on(event("mia", CallEventType.ASSIGNED, CallState.ASSIGNED, "bob", null));
		this.lines.read("mia", CallState.ASSIGNED, "alice"); // read before that event

		this.lines.on(event("ann", CallEventType.ENDED, CallState.ENDED, "alice", null));
		assertThat(this.heard).isEmpty();
		this.lines.on(event("ben", CallEventType.ENDED, CallState.ENDED, "bob", null));
		assertThat(this.heard).containsExactly("mia");

		// taken: it waits for nobody any more
		this.lines.on(event("mia", CallEventType.ACCEPTED, CallState.ON_CALL, "bob", null));
		this.lines.on(event("ben2", CallEventType.ENDED, CallState.ENDED, "bob", null));
		assertThat(this.heard).containsExactly("mia");
	}

	@Test
	void aClosedPageIsNoLongerFollowed() {
		Disposable page = open("mia");
		this.lines.read("mia", CallState.ASSIGNED, "alice");
		page.dispose();
		this.lines.closed("mia");

		this.lines.on(event("ann", CallEventType.ENDED, CallState.ENDED, "alice", null));

		assertThat(this.heard).isEmpty();
	}

	@Test
	void callsWithoutAnOpenPageAreNotFollowed() {
		this.lines.on(event("mia", CallEventType.ASSIGNED, CallState.ASSIGNED, "alice", null));
		open("cid");
		this.lines.read("cid", CallState.WAITING, null);

		this.lines.on(event("ann", CallEventType.ENDED, CallState.ENDED, "alice", null));

		assertThat(this.heard).isEmpty();
	}

	private Disposable open(String callId) {
		this.lines.opened(callId);
		Disposable page = this.lines.notices(callId).subscribe((notice) -> {
			assertThat(notice).isEqualTo("{}");
			this.heard.add(callId);
		});
		this.pages.add(page);
		return page;
	}

	private static CallEvent event(String callId, CallEventType type, CallState state, String agentId,
			String previousAgentId) {
		return new CallEvent(callId + ":1", callId, 1, type, state, agentId, previousAgentId, "1_session", true, null,
				false, Instant.now());
	}

}
