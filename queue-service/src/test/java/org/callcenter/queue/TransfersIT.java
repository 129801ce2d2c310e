package org.callcenter.queue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.sessions.SessionEventType;
import org.callcenter.queue.QueueClient.Reply;
import org.callcenter.queue.store.QueueKeys;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Transfers on real Redis: to another available agent with room, at the head of its list
 * with a note the caller never reads; or back to the queue at the caller's place. At most
 * two callers per agent; Tess has a wrap-up time, so a call she hands back to the queue
 * does not come straight back to her.
 */
@TestPropertySource(properties = { "queue.namespace=transfers", "queue.max-callers-per-agent=2",
		"queue.agent-workflow.wrap-up-by-agent.tr-tess=30s" })
class TransfersIT extends QueueServiceTestBase {

	private static final String ANN = "tr-ann";

	private static final String BEN = "tr-ben";

	private static final String TESS = "tr-tess";

	@Test
	void aTransferredCallerGoesToTheOtherAgentAtTheHeadOfItsListWithTheNote() {
		this.api.goOnline(BEN);
		Reply bens = this.api.dial("c1");
		connectCaller(bens);
		this.api.goOnline(ANN);
		Reply anns = this.api.dial("c2");
		assertThat(anns.agentId()).isEqualTo(ANN);
		connectCaller(anns);
		this.api.accept(ANN, anns.callId());

		Reply transferred = this.api.transfer(ANN, anns.callId(), BEN, "wants a refund for order 4711");

		assertThat(transferred.status()).isEqualTo(200);
		assertThat(transferred.state()).isEqualTo("ASSIGNED");
		assertThat(transferred.agentId()).isEqualTo(BEN);
		assertThat(this.api.callers(BEN).ids()).containsExactly(anns.callId(), bens.callId());
		assertThat(this.api.callers(BEN).body().get(0).get("transferNote").asString())
			.isEqualTo("wants a refund for order 4711");
		assertThat(this.api.callers(BEN).body().get(0).get("transferredBy").asString()).isEqualTo(ANN);
		Reply asTheCallerReadsIt = this.api.status(anns.callId());
		assertThat(asTheCallerReadsIt.text("agentName")).isEqualTo("Agent " + BEN);
		assertThat(asTheCallerReadsIt.body().path("transferNote").isMissingNode()
				|| asTheCallerReadsIt.body().path("transferNote").isNull())
			.isTrue();
		assertThat(this.api.goOnline(ANN).body().path("activeCallId").isNull()).isTrue();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(CALL_EVENTS.values((e) -> e.callId().equals(anns.callId())))
				.extracting(CallEvent::type, CallEvent::agentId, CallEvent::previousAgentId, CallEvent::reason)
				.contains(tuple(CallEventType.ASSIGNED, BEN, ANN, CallEventReason.TRANSFERRED)));
		// Ben takes it like any caller
		assertThat(this.api.accept(BEN, anns.callId()).state()).isEqualTo("ON_CALL");
	}

	@Test
	void theNewAgentsLostConnectionPutsTheTransferredCallOnHoldThoughItsOwnWasNeverReported() {
		this.api.goOnline(ANN);
		Reply call = this.api.dial("c1");
		connectCaller(call);
		this.api.accept(ANN, call.callId());
		SessionEvents.publish(SessionEvents.connection(SessionEventType.CONNECTION_CREATED, sessionId(call), "conn-ann",
				"agent", ANN));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.redis.opsForHash()
				.hasKey(new QueueKeys(this.properties).call(call.callId()), "agentConnectionId"));
		this.api.goOnline(BEN);
		this.api.transfer(ANN, call.callId(), BEN, null);
		this.api.accept(BEN, call.callId());

		// Ben's connection was never reported (webhooks not arriving); now it is lost
		SessionEvents.publish(SessionEvents.connection(SessionEventType.CONNECTION_DESTROYED, sessionId(call),
				"conn-ben", "agent", BEN));

		await().atMost(Duration.ofSeconds(20)).until(() -> "ON_HOLD".equals(this.api.status(call.callId()).state()));
	}

	@Test
	void aTransferToAnAgentWhoCannotTakeItIsRefusedAndChangesNothing() {
		this.api.goOnline(ANN);
		this.api.goOnline(BEN);
		this.api.goOnline(TESS);
		Reply call = this.api.dial("c1");
		String owner = call.agentId();
		connectCaller(call);
		this.api.accept(owner, call.callId());
		String away = owner.equals(BEN) ? ANN : BEN;
		this.api.goAway(away, "lunch", false);

		Reply toAway = this.api.transfer(owner, call.callId(), away, null);
		Reply toSelf = this.api.transfer(owner, call.callId(), owner, null);
		Reply toNobody = this.api.transfer(owner, call.callId(), "tr-nobody", null);
		Reply badId = this.api.transfer(owner, call.callId(), "not an id!", null);

		assertThat(toAway.status()).isEqualTo(409);
		assertThat(toAway.problemType()).isEqualTo("urn:callcenter:problem:transfer-target-unavailable");
		assertThat(toSelf.status()).isEqualTo(409);
		assertThat(toNobody.status()).isEqualTo(409);
		assertThat(badId.status()).isEqualTo(400);
		Reply unchanged = this.api.status(call.callId());
		assertThat(unchanged.state()).isEqualTo("ON_CALL");
		assertThat(unchanged.agentId()).isEqualTo(owner);
	}

	@Test
	void aTransferToAnAgentWithoutRoomIsRefused() {
		this.api.goOnline(BEN);
		this.api.dial("c1");
		this.api.dial("c2"); // Ben is full
		this.api.goOnline(ANN);
		Reply anns = this.api.dial("c3");

		Reply refused = this.api.transfer(ANN, anns.callId(), BEN, null);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(this.api.status(anns.callId()).agentId()).isEqualTo(ANN);
	}

	@Test
	void aCallerTransferredBackToTheQueueWaitsAtItsPlaceAheadOfLaterCallers() {
		this.api.goOnline(TESS);
		Reply first = this.api.dial("c1");
		connectCaller(first);
		this.api.dial("c2"); // Tess is full
		Reply later = this.api.dial("c3");
		assertThat(later.position()).isEqualTo(1);
		this.api.accept(TESS, first.callId());

		Reply back = this.api.transfer(TESS, first.callId(), null, null);

		assertThat(back.state()).isEqualTo("WAITING");
		assertThat(back.position()).isEqualTo(1);
		assertThat(this.api.status(later.callId()).position()).isEqualTo(2);
		assertThat(this.api.goOnline(TESS).text("state")).as("Tess talked with the caller: her wrap-up begins")
			.isEqualTo("WRAP_UP");
		this.api.goOnline(ANN);
		assertThat(this.api.status(first.callId()).agentId()).isEqualTo(ANN);
	}

	@Test
	void aCallerTransferredBackToTheQueueGoesToAnotherAgentWithRoomAtOnce() {
		this.api.goOnline(ANN);
		Reply call = this.api.dial("c1");
		this.api.goOnline(BEN);

		Reply moved = this.api.transfer(ANN, call.callId(), null, null);

		assertThat(moved.agentId()).isEqualTo(BEN);
		assertThat(moved.state()).isEqualTo("ASSIGNED");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(CALL_EVENTS.values((e) -> e.callId().equals(call.callId())))
				.extracting(CallEvent::type, CallEvent::reason)
				.contains(tuple(CallEventType.ASSIGNED, CallEventReason.TRANSFERRED_TO_QUEUE)));
	}

	@Test
	void anAgentSeesItsOnlineColleaguesAndWhoCanTakeATransfer() {
		this.api.goOnline(ANN);
		this.api.goOnline(BEN);
		this.api.goOnline(TESS);
		this.api.goAway(TESS, "training", false);
		this.api.dial("c1");
		this.api.dial("c2");
		this.api.dial("c3");
		this.api.dial("c4"); // Ann and Ben full

		Reply colleagues = this.api.colleagues(ANN);

		assertThat(colleagues.ids()).containsExactly(BEN, TESS);
		assertThat(colleagues.body().get(0).get("canTakeTransfer").asBoolean()).isFalse();
		assertThat(colleagues.body().get(0).get("load").asInt()).isEqualTo(2);
		assertThat(colleagues.body().get(1).get("state").asString()).isEqualTo("AWAY");
		assertThat(colleagues.body().get(1).get("canTakeTransfer").asBoolean()).isFalse();
		assertThat(colleagues.body().get(0).has("callIds")).isFalse();
	}

}
