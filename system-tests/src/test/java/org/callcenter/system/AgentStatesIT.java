package org.callcenter.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.callcenter.contracts.calls.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agent's states as the console shows and changes them: Away with a reason takes no
 * new callers while another agent does; after a call, the agent with a wrap-up time
 * ({@value RunningSuite#WRAP_UP_AGENT}, {@link RunningSuite#WRAP_UP}) is in wrap-up,
 * records the call's outcome and notes, and is available again on "Ready" or when the
 * countdown runs out. Every test leaves its agents available and signed out.
 */
class AgentStatesIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String gateway = RunningSuite.get().gatewayUrl();

	@BeforeEach
	void emptyCallCenter() {
		QuietQueue.await();
	}

	@Test
	void anAgentAwayGetsNoNewCallersWhileAnotherDoesAndGetsThemAgainOnceAvailable() {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				AgentConsole bob = new AgentConsole(this.gateway).signIn("bob", "demo");
				CallerPage ann = new CallerPage(this.gateway);
				CallerPage mia = new CallerPage(this.gateway)) {
			alice.awaitState("Available");
			alice.goAway("lunch");
			await().atMost(CallerPage.PATIENCE).until(() -> alice.stateTimer().matches("for .*[1-9] s"));
			alice.screenshot("agent-away");

			ann.dial("Ann", "while Alice is at lunch", false);
			bob.awaitCaller("Ann");
			assertThat(ServerState.call(ann.callId()).get("agentId").asString()).isEqualTo("bob");
			assertThat(alice.callerNames()).isEmpty();
			assertThat(alice.state()).isEqualTo("Away · Lunch");
			assertThat(ServerState.agent("alice").path("state").asString()).isEqualTo("AWAY");
			assertThat(ServerState.agent("alice").path("awayReason").asString()).isEqualTo("lunch");

			alice.goAvailable();
			// Bob has Ann: least connections gives the next caller to Alice, now
			// available
			mia.dial("Mia", "after lunch", false);
			alice.awaitCaller("Mia");
			assertThat(ServerState.call(mia.callId()).get("agentId").asString()).isEqualTo("alice");
			assertThat(bob.callerNames()).containsExactly("Ann");

			alice.end("Mia");
			bob.end("Ann");
			mia.awaitEnded();
			ann.awaitEnded();
			alice.signOut();
			bob.signOut();
		}
	}

	@Test
	void afterACallTheAgentWrapsUpWithoutNewCallersSavesNotesAndTakesTheWaitingCallerOnReady() {
		try (AgentConsole carol = new AgentConsole(this.gateway).signIn(RunningSuite.WRAP_UP_AGENT, "demo");
				CallerPage ann = new CallerPage(this.gateway);
				CallerPage mia = new CallerPage(this.gateway)) {
			carol.awaitState("Available");
			ann.dial("Ann", "order 1234 never came", false);
			String annsCall = ann.callId();
			carol.awaitCaller("Ann");
			carol.accept("Ann");
			ann.awaitOnCallWithAgentVideo();
			mia.open(); // ready to dial as soon as Carol is wrapping up

			carol.end("Ann");
			ann.awaitEnded();
			carol.awaitState("Wrap-up");
			assertThat(carol.wrapUpCountdown()).isBetween(1L, RunningSuite.WRAP_UP.toSeconds());
			assertThat(carol.wrapUpCall()).contains("Ann");

			mia.dial("Mia", "a question", false);
			assertThat(mia.queuePosition()).isEqualTo("1");
			assertThat(ServerState.call(mia.callId()).get("state").asString()).isEqualTo("WAITING");
			carol.saveNotes("follow-up", "Order 1234: refund promised, call back Friday");
			carol.screenshot("agent-wrap-up");
			assertThat(carol.callerNames()).isEmpty();
			assertThat(carol.state()).as("wrap-up outlasted the test's steps: give carol a longer one")
				.isEqualTo("Wrap-up");

			carol.ready();
			carol.awaitCaller("Mia");
			assertThat(ServerState.call(mia.callId()).get("agentId").asString()).isEqualTo("carol");
			assertThat(carol.showsWrapUpPanel()).isFalse();

			JsonNode wrapped = awaitCallEvent(annsCall, "WRAPPED");
			assertThat(wrapped.path("outcome").asString()).isEqualTo("follow-up");
			assertThat(wrapped.path("notes").asString()).isEqualTo("Order 1234: refund promised, call back Friday");

			carol.end("Mia");
			mia.awaitEnded();
			carol.signOut();
		}
	}

	@Test
	void wrapUpEndsByItselfWhenTheCountdownRunsOut() {
		try (AgentConsole carol = new AgentConsole(this.gateway).signIn(RunningSuite.WRAP_UP_AGENT, "demo");
				CallerPage ann = new CallerPage(this.gateway);
				CallerPage mia = new CallerPage(this.gateway)) {
			carol.awaitState("Available");
			ann.dial("Ann", "hangs up herself", false);
			carol.awaitCaller("Ann");
			carol.accept("Ann");
			ann.awaitOnCallWithAgentVideo();

			ann.leave(); // the caller hangs up: wrap-up starts all the same
			carol.awaitState("Wrap-up");
			long started = System.nanoTime();
			assertThat(carol.wrapUpCountdown()).isPositive();

			carol.awaitState("Available");
			assertThat(Duration.ofNanos(System.nanoTime() - started))
				.isGreaterThan(RunningSuite.WRAP_UP.minusSeconds(2));
			mia.dial("Mia", "after the wrap-up", false);
			carol.awaitCaller("Mia");
			carol.screenshot("agent-after-wrap-up");

			carol.end("Mia");
			mia.awaitEnded();
			carol.signOut();
		}
	}

	@Test
	void goingAwayGivingBackCallersNotYetAcceptedMovesThemToAnotherAgentAndKeepsTheCallInProgress() {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage ann = new CallerPage(this.gateway);
				CallerPage mia = new CallerPage(this.gateway)) {
			ann.dial("Ann", "on call", false);
			alice.awaitCaller("Ann");
			alice.accept("Ann");
			ann.awaitOnCallWithAgentVideo();
			mia.dial("Mia", "not accepted yet", false);
			alice.awaitCaller("Mia");
			try (AgentConsole bob = new AgentConsole(this.gateway).signIn("bob", "demo")) {
				alice.goAway("meeting", true);

				bob.awaitCaller("Mia");
				alice.awaitCallers(1);
				assertThat(alice.callerNames()).containsExactly("Ann");
				assertThat(alice.badge("Ann")).isEqualTo("On call");
				assertThat(ServerState.call(mia.callId()).get("agentId").asString()).isEqualTo("bob");
				assertThat(ServerState.call(ann.callId()).get("state").asString()).isEqualTo("ON_CALL");
				alice.awaitCallerVideo();

				alice.end("Ann"); // away, Alice still works her callers
				ann.awaitEnded();
				assertThat(alice.state()).as("no wrap-up for Alice, and ending a call keeps her away")
					.isEqualTo("Away · Meeting");
				alice.goAvailable();
				bob.end("Mia");
				mia.awaitEnded();
				bob.signOut();
			}
			alice.signOut();
		}
	}

	@Test
	void theStateShowsInEveryConsoleOfTheAgentAndAgainAfterAReload() {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				AgentConsole other = new AgentConsole(this.gateway).signIn("alice", "demo")) {
			alice.awaitState("Available");
			alice.goAway("break");
			other.awaitState("Away · Break");
			await().atMost(CallerPage.PATIENCE)
				.until(() -> alice.stateTimer().matches("for (\\d+ min )?([2-9]|\\d\\d) s"));

			alice.reload();

			assertThat(alice.state()).isEqualTo("Away · Break");
			assertThat(alice.stateTimer()).as("the time in state goes on from before the reload")
				.matches("for (\\d+ min )?([2-9]|\\d\\d) s");
			alice.screenshot("agent-away-after-reload");
			other.goAvailable();
			alice.awaitState("Available");
			other.signOut();
		}
	}

	/**
	 * The event of type {@code type} of call {@code callId} on the call events topic,
	 * read from the start as the broker's administrator.
	 */
	private static JsonNode awaitCallEvent(String callId, String type) {
		Map<String, Object> config = new HashMap<>(RunningSuite.kafka().adminProperties());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.CALL_EVENTS));
			long deadline = System.nanoTime() + CallerPage.PATIENCE.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> event : consumer.poll(Duration.ofMillis(500))) {
					if (callId.equals(event.key())) {
						JsonNode read = JSON.readTree(event.value());
						if (type.equals(read.path("type").asString())) {
							return read;
						}
					}
				}
			}
		}
		throw new AssertionError("no " + type + " event of call " + callId + " on " + Topics.CALL_EVENTS);
	}

}
