package org.callcenter.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.CallState;
import org.callcenter.queue.QueueClient.Reply;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The chat of a call on real Redis: caller and agent write while they talk, both read the
 * same transcript, each message goes out as the call's MESSAGE event; outside the call,
 * to another agent, blank or too long, or beyond the limit, nothing is written. At most
 * three messages a call here.
 */
@TestPropertySource(properties = { "queue.namespace=chat", "queue.chat-max-messages=3" })
class ChatIT extends QueueServiceTestBase {

	private static final String ANN = "ch-ann";

	private static final String BEN = "ch-ben";

	@Test
	void callerAndAgentWriteWhileTheyTalkAndBothReadTheSameTranscript() {
		Reply call = callOnWithAnn();

		Reply fromCaller = this.api.callerWrites(call.callId(), "my order is 4711");
		Reply fromAgent = this.api.agentWrites(ANN, call.callId(), "found it: \"4711\", shipped today");

		assertThat(fromCaller.status()).isEqualTo(201);
		assertThat(fromAgent.status()).isEqualTo(201);
		for (Reply transcript : List.of(this.api.callerReadsChat(call.callId()),
				this.api.agentReadsChat(ANN, call.callId()))) {
			assertThat(messages(transcript)).containsExactly("1 caller c1: my order is 4711",
					"2 agent Agent " + ANN + ": found it: \"4711\", shipped today");
		}
		assertThat(this.api.status(call.callId()).state()).isEqualTo("ON_CALL");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					CALL_EVENTS.values((e) -> e.callId().equals(call.callId()) && e.type() == CallEventType.MESSAGE))
				.extracting((e) -> e.message().text(), CallEvent::state)
				.containsExactly(tuple("my order is 4711", CallState.ON_CALL),
						tuple("found it: \"4711\", shipped today", CallState.ON_CALL)));
	}

	@Test
	void nobodyWritesBeforeTheAgentTookTheCallOrAfterItEnded() {
		this.api.goOnline(ANN);
		Reply call = this.api.dial("c1");

		Reply beforeAccept = this.api.callerWrites(call.callId(), "hello?");
		Reply agentBefore = this.api.agentWrites(ANN, call.callId(), "hi");
		this.api.end(ANN, call.callId());
		Reply afterEnd = this.api.callerWrites(call.callId(), "still there?");

		assertThat(List.of(beforeAccept.status(), agentBefore.status(), afterEnd.status())).containsOnly(409);
		assertThat(beforeAccept.problemType()).isEqualTo("urn:callcenter:problem:call-not-in-progress");
		assertThat(this.api.callerReadsChat(call.callId()).body()).isEmpty();
	}

	@Test
	void anotherAgentNeitherWritesNorReads() {
		Reply call = callOnWithAnn();
		this.api.goOnline(BEN);

		assertThat(this.api.agentWrites(BEN, call.callId(), "psst").status()).isEqualTo(403);
		assertThat(this.api.agentReadsChat(BEN, call.callId()).status()).isEqualTo(403);
	}

	@Test
	void blankTooLongOrOneMessageTooManyIsRefusedAndWritesNothing() {
		Reply call = callOnWithAnn();

		assertThat(this.api.callerWrites(call.callId(), "  ").status()).isEqualTo(400);
		assertThat(this.api.callerWrites(call.callId(), "x".repeat(1001)).status()).isEqualTo(400);
		for (int i = 1; i <= 3; i++) {
			assertThat(this.api.callerWrites(call.callId(), "message " + i).status()).isEqualTo(201);
		}
		Reply fourth = this.api.agentWrites(ANN, call.callId(), "one too many");

		assertThat(fourth.status()).isEqualTo(409);
		assertThat(fourth.problemType()).isEqualTo("urn:callcenter:problem:chat-full");
		assertThat(messages(this.api.callerReadsChat(call.callId()))).hasSize(3);
	}

	private Reply callOnWithAnn() {
		this.api.goOnline(ANN);
		Reply call = this.api.dial("c1");
		connectCaller(call);
		this.api.accept(ANN, call.callId());
		return call;
	}

	private static List<String> messages(Reply transcript) {
		List<String> lines = new ArrayList<>();
		transcript.body()
			.forEach((m) -> lines.add(m.get("seq").asLong() + " " + m.get("from").asString() + " "
					+ m.get("name").asString() + ": " + m.get("text").asString()));
		return lines;
	}

}
