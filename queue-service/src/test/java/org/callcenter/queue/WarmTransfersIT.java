package org.callcenter.queue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.sessions.SessionEventType;
import org.callcenter.queue.QueueClient.Reply;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Warm transfers on real Redis: Ann, on a call, asks Ben to join it; Ben joins the call's
 * session, and takes the call over, and Ann leaves it. Meanwhile Ben takes no new
 * callers; the consult ends when either of them says so, when the call ends or moves,
 * when Ben goes offline or takes a caller of his own, or when his console leaves the
 * session. Two callers per agent at most.
 */
@TestPropertySource(properties = { "queue.namespace=warm-transfers", "queue.max-callers-per-agent=2" })
class WarmTransfersIT extends QueueServiceTestBase {

	private static final String ANN = "wt-ann";

	private static final String BEN = "wt-ben";

	private static final String CID = "wt-cid";

	@Test
	void theColleagueJoinsTheCallTakesItOverAndTheFirstAgentLeavesIt() {
		Reply call = annTalkingWithACaller();
		this.api.goOnline(BEN);

		Reply consulted = this.api.consult(ANN, call.callId(), BEN, "refund for order 4711, already verified");

		assertThat(consulted.status()).isEqualTo(200);
		assertThat(consulted.text("consultAgentId")).isEqualTo(BEN);
		assertThat(consulted.text("consultAgentName")).isEqualTo("Agent " + BEN);
		assertThat(consulted.body().get("consultJoined").asBoolean()).isFalse();
		Reply bensView = this.api.consultedCall(BEN);
		assertThat(bensView.callId()).isEqualTo(call.callId());
		assertThat(bensView.text("consultNote")).isEqualTo("refund for order 4711, already verified");
		Reply callersView = this.api.status(call.callId());
		assertThat(callersView.text("consultAgentName")).isEqualTo("Agent " + BEN);
		assertThat(callersView.text("consultNote")).as("the note is for Ben, not the caller").isNull();

		Reply newcomer = this.api.dial("c2");
		assertThat(newcomer.agentId()).as("Ben is asked to join a call: he takes no new caller, though he has none")
			.isEqualTo(ANN);
		assertThat(this.api.takeOver(BEN, call.callId()).problemType())
			.isEqualTo("urn:callcenter:problem:consult-not-joined");

		Reply joined = this.api.joinConsult(BEN, call.callId());
		assertThat(joined.status()).isEqualTo(200);
		assertThat(joined.body().at("/session/token").asString()).isNotEmpty();
		assertThat(joined.body().at("/session/sessionId").asString()).isEqualTo(sessionId(call));
		assertThat(joined.call().get("consultJoined").asBoolean()).isTrue();
		assertThat(this.api.status(call.callId()).agentId()).as("the call stays Ann's until Ben takes it over")
			.isEqualTo(ANN);

		Reply taken = this.api.takeOver(BEN, call.callId());

		assertThat(taken.status()).isEqualTo(200);
		assertThat(taken.state()).isEqualTo("ON_CALL");
		assertThat(taken.agentId()).isEqualTo(BEN);
		assertThat(taken.text("transferredBy")).isEqualTo(ANN);
		assertThat(taken.text("transferNote")).isEqualTo("refund for order 4711, already verified");
		assertThat(taken.text("consultAgentId")).isNull();
		assertThat(this.api.goOnline(BEN).text("activeCallId")).isEqualTo(call.callId());
		assertThat(this.api.consultedCall(BEN).status()).isEqualTo(204);
		assertThat(this.api.status(newcomer.callId()).agentId()).isEqualTo(ANN);
		assertThat(this.api.goOnline(ANN).text("activeCallId")).isNull();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(CALL_EVENTS.values((e) -> e.callId().equals(call.callId())))
				.extracting(CallEvent::type, CallEvent::agentId, CallEvent::previousAgentId, CallEvent::consultAgentId,
						CallEvent::reason)
				.containsSubsequence(tuple(CallEventType.CONSULT_STARTED, ANN, null, BEN, null),
						tuple(CallEventType.CONSULT_JOINED, ANN, null, BEN, null),
						tuple(CallEventType.ACCEPTED, BEN, ANN, null, CallEventReason.TRANSFERRED)));
	}

	@Test
	void aColleagueWhoCannotTakeTheCallOrASecondConsultIsRefusedAndChangesNothing() {
		this.api.goOnline(CID);
		Reply cids = this.api.dial("c0");
		connectCaller(cids);
		this.api.accept(CID, cids.callId());
		Reply call = annTalkingWithACaller();
		this.api.goOnline(BEN);
		this.api.goAway(BEN, "lunch", false);

		Reply toOnACall = this.api.consult(ANN, call.callId(), CID, null);
		Reply toAway = this.api.consult(ANN, call.callId(), BEN, null);
		Reply toSelf = this.api.consult(ANN, call.callId(), ANN, null);
		Reply toNobody = this.api.consult(ANN, call.callId(), "wt-nobody", null);
		Reply withoutColleague = this.api.consult(ANN, call.callId(), null, null);
		Reply notHers = this.api.consult(CID, call.callId(), BEN, null);

		assertThat(List.of(toOnACall, toAway, toSelf, toNobody)).allSatisfy((refused) -> {
			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.problemType()).isEqualTo("urn:callcenter:problem:transfer-target-unavailable");
		});
		assertThat(withoutColleague.status()).isEqualTo(400);
		assertThat(notHers.status()).isEqualTo(403);
		assertThat(this.api.status(call.callId()).text("consultAgentId")).isNull();

		this.api.becomeAvailable(BEN);
		this.api.consult(ANN, call.callId(), BEN, null);
		Reply second = this.api.consult(ANN, call.callId(), BEN, null);
		assertThat(second.problemType()).isEqualTo("urn:callcenter:problem:consult-in-progress");
		assertThat(this.api.joinConsult(CID, call.callId()).problemType())
			.isEqualTo("urn:callcenter:problem:not-consulted");
		assertThat(this.api.takeOver(CID, call.callId()).problemType())
			.isEqualTo("urn:callcenter:problem:not-consulted");
		this.api.cancelConsult(ANN, call.callId());
		this.api.hold(ANN, call.callId());
		Reply onHold = this.api.consult(ANN, call.callId(), BEN, null);
		assertThat(onHold.problemType()).isEqualTo("urn:callcenter:problem:call-not-in-progress");
	}

	@Test
	void anAgentConsultsOnlyOnACallInProgress() {
		this.api.goOnline(ANN);
		Reply call = this.api.dial("c1");
		this.api.goOnline(BEN);

		Reply notAccepted = this.api.consult(ANN, call.callId(), BEN, null);

		assertThat(notAccepted.problemType()).isEqualTo("urn:callcenter:problem:call-not-in-progress");
		assertThat(this.api.status(call.callId()).text("consultAgentId")).isNull();
	}

	@Test
	void whenAnnCancelsOrBenDeclinesBenTakesCallersAgainAndTheCallStaysAnns() {
		Reply call = annTalkingWithACaller();
		this.api.goOnline(BEN);
		this.api.consult(ANN, call.callId(), BEN, null);
		this.api.dial("c2");
		Reply waiting = this.api.dial("c3");
		assertThat(waiting.state()).as("Ann is full, Ben is asked to join her call").isEqualTo("WAITING");

		Reply cancelled = this.api.cancelConsult(ANN, call.callId());

		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.text("consultAgentId")).isNull();
		assertThat(cancelled.agentId()).isEqualTo(ANN);
		assertThat(cancelled.state()).isEqualTo("ON_CALL");
		assertThat(this.api.status(waiting.callId()).agentId()).as("Ben has room and takes callers again")
			.isEqualTo(BEN);
		assertThat(this.api.joinConsult(BEN, call.callId()).problemType())
			.isEqualTo("urn:callcenter:problem:not-consulted");

		this.api.goOnline(CID);
		this.api.consult(ANN, call.callId(), CID, null);
		this.api.joinConsult(CID, call.callId());
		Reply declined = this.api.leaveConsult(CID, call.callId());
		assertThat(declined.status()).isEqualTo(200);
		assertThat(declined.text("consultAgentId")).isNull();
		assertThat(declined.agentId()).isEqualTo(ANN);
		assertThat(this.api.cancelConsult(ANN, call.callId()).status()).as("no consult: nothing to cancel")
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(CALL_EVENTS.values((e) -> e.callId().equals(call.callId())))
				.extracting(CallEvent::type, CallEvent::consultAgentId, CallEvent::reason)
				.containsSubsequence(tuple(CallEventType.CONSULT_ENDED, BEN, CallEventReason.CONSULT_CANCELLED),
						tuple(CallEventType.CONSULT_ENDED, CID, CallEventReason.CONSULT_DECLINED)));
	}

	@Test
	void theConsultEndsWithTheCallAndBenIsToldSo() {
		Reply call = annTalkingWithACaller();
		this.api.goOnline(BEN);
		this.api.consult(ANN, call.callId(), BEN, null);

		this.api.leave(call.callId());

		assertThat(this.api.consultedCall(BEN).status()).isEqualTo(204);
		assertThat(this.api.colleagues(ANN).body().get(0).get("canJoinCall").asBoolean()).isTrue();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(CALL_EVENTS.values((e) -> e.callId().equals(call.callId())))
				.extracting(CallEvent::type, CallEvent::consultAgentId, CallEvent::reason)
				.containsSubsequence(tuple(CallEventType.CONSULT_ENDED, BEN, CallEventReason.CALLER_LEFT),
						tuple(CallEventType.ENDED, null, CallEventReason.CALLER_LEFT)));
	}

	@Test
	void theConsultEndsWhenEitherAgentGoesOfflineOrBenTakesACallerOfHisOwn() {
		Reply call = annTalkingWithACaller();
		this.api.goOnline(BEN);
		this.api.consult(ANN, call.callId(), BEN, null);
		this.api.goOffline(BEN);
		assertThat(this.api.status(call.callId()).text("consultAgentId")).isNull();

		this.api.goOnline(BEN);
		this.api.consult(ANN, call.callId(), BEN, null);
		this.api.goOffline(ANN);
		Reply moved = this.api.status(call.callId());
		assertThat(moved.text("consultAgentId")).isNull();
		assertThat(moved.agentId()).as("Ann's caller goes to the agent with room: Ben, free again").isEqualTo(BEN);
		assertThat(this.api.consultedCall(BEN).status()).isEqualTo(204);

		this.api.goOnline(CID);
		Reply cidsOwn = this.api.dial("c2");
		assertThat(cidsOwn.agentId()).isEqualTo(CID);
		connectCaller(cidsOwn);
		this.api.accept(BEN, call.callId());
		this.api.goOnline(ANN);
		Reply anns = this.api.dial("c3");
		assertThat(anns.agentId()).isEqualTo(ANN);
		connectCaller(anns);
		this.api.accept(ANN, anns.callId());
		assertThat(this.api.consult(ANN, anns.callId(), CID, null).text("consultAgentId")).isEqualTo(CID);

		assertThat(this.api.accept(CID, cidsOwn.callId()).state()).isEqualTo("ON_CALL");
		assertThat(this.api.status(anns.callId()).text("consultAgentId"))
			.as("Cid talks with one caller at a time: taking his own leaves the consult")
			.isNull();
	}

	@Test
	void theColleaguesConnectionIsTheCallsAfterTheTakeOverAndItsLossBeforeEndsTheConsult() {
		Reply call = annTalkingWithACaller();
		this.api.goOnline(BEN);
		this.api.consult(ANN, call.callId(), BEN, null);
		this.api.joinConsult(BEN, call.callId());
		SessionEvents.publish(SessionEvents.connection(SessionEventType.CONNECTION_CREATED, sessionId(call), "conn-ben",
				"agent", BEN));
		SessionEvents.publish(SessionEvents.connection(SessionEventType.CONNECTION_DESTROYED, sessionId(call),
				"conn-ben", "agent", BEN));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.status(call.callId()).text("consultAgentId") == null);
		assertThat(this.api.status(call.callId()).state()).as("Ann is still on the call").isEqualTo("ON_CALL");

		this.api.consult(ANN, call.callId(), BEN, null);
		this.api.joinConsult(BEN, call.callId());
		SessionEvents.publish(SessionEvents.connection(SessionEventType.CONNECTION_CREATED, sessionId(call),
				"conn-ben-2", "agent", BEN));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.redis.opsForHash()
				.hasKey(new org.callcenter.queue.store.QueueKeys(this.properties).call(call.callId()),
						"consultConnectionId"));
		this.api.takeOver(BEN, call.callId());
		// Ann leaves the session: not the call's agent any more, her leaving holds
		// nothing
		SessionEvents.publish(SessionEvents.connection(SessionEventType.CONNECTION_DESTROYED, sessionId(call),
				"conn-ann", "agent", ANN));
		SessionEvents.publish(SessionEvents.connection(SessionEventType.CONNECTION_DESTROYED, sessionId(call),
				"conn-ben-stale", "agent", BEN));
		SessionEvents.publish(SessionEvents.connection(SessionEventType.CONNECTION_DESTROYED, sessionId(call),
				"conn-ben-2", "agent", BEN));

		await().atMost(Duration.ofSeconds(20)).until(() -> "ON_HOLD".equals(this.api.status(call.callId()).state()));
		assertThat(this.api.status(call.callId()).agentId()).isEqualTo(BEN);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(CALL_EVENTS.values((e) -> e.callId().equals(call.callId())))
				.extracting(CallEvent::type, CallEvent::reason)
				.containsSubsequence(tuple(CallEventType.CONSULT_ENDED, CallEventReason.AGENT_DISCONNECTED),
						tuple(CallEventType.ACCEPTED, CallEventReason.TRANSFERRED),
						tuple(CallEventType.HELD, CallEventReason.AGENT_DISCONNECTED)));
	}

	@Test
	void talkAndHoldTimeAddUpOverTheCall() throws InterruptedException {
		Reply call = annTalkingWithACaller();
		Thread.sleep(30);
		Reply held = this.api.hold(ANN, call.callId());
		Thread.sleep(30);
		this.api.resume(ANN, call.callId());
		Reply ended = this.api.end(ANN, call.callId());

		assertThat(held.body().get("talkMs").asLong()).isGreaterThanOrEqualTo(30);
		assertThat(held.body().get("holdMs").asLong()).isZero();
		assertThat(ended.body().get("talkMs").asLong()).isGreaterThanOrEqualTo(held.body().get("talkMs").asLong());
		assertThat(ended.body().get("holdMs").asLong()).isGreaterThanOrEqualTo(30);
	}

	private Reply annTalkingWithACaller() {
		this.api.goOnline(ANN);
		Reply call = this.api.dial("c1");
		assertThat(call.agentId()).isEqualTo(ANN);
		connectCaller(call);
		assertThat(this.api.accept(ANN, call.callId()).state()).isEqualTo("ON_CALL");
		return call;
	}

}
