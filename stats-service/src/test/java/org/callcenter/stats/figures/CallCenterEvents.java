package org.callcenter.stats.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.agents.AgentEvent.AgentEventType;
import org.callcenter.contracts.agents.AgentState;
import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.CallState;
import org.callcenter.contracts.calls.Topics;

/**
 * The statistics topology in a {@link TopologyTestDriver}, fed hand-written call and
 * agent events serialized as queue-service publishes them (plain Jackson 3 JSON), with
 * times given in seconds after {@link #T0}. Each call numbers its own events, so a test
 * can also send one again or out of order.
 */
public final class CallCenterEvents implements AutoCloseable {

	/** A quarter hour's start: 10:00 UTC. */
	public static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

	static final ServiceLevelRules RULES = new ServiceLevelRules(Duration.ofSeconds(20), Duration.ofSeconds(5));

	private static final JsonMapper WIRE = JsonMapper.builder().build();

	private final TopologyTestDriver driver;

	private final TestInputTopic<String, CallEvent> calls;

	private final TestInputTopic<String, AgentEvent> agents;

	private final TestInputTopic<String, String> rawCalls;

	private final Map<String, Long> seqs = new HashMap<>();

	public final StatsStores stores;

	public CallCenterEvents() {
		StreamsBuilder builder = new StreamsBuilder();
		new StatsTopology(RULES).addTo(builder);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "stats-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
				LogAndContinueExceptionHandler.class.getName());
		this.driver = new TopologyTestDriver(builder.build(), config);
		Serializer<Object> json = (topic, value) -> WIRE.writeValueAsBytes(value);
		this.calls = this.driver.createInputTopic(Topics.CALL_EVENTS, new StringSerializer(), json::serialize);
		this.agents = this.driver.createInputTopic(Topics.AGENT_EVENTS, new StringSerializer(), json::serialize);
		this.rawCalls = this.driver.createInputTopic(Topics.CALL_EVENTS, new StringSerializer(),
				new StringSerializer());
		this.stores = new StatsStores(this.driver::getKeyValueStore);
	}

	/** The next event of a call, numbered after its previous one. */
	public CallEvent call(String callId, double seconds, CallEventType type, CallState state, String agentId,
			CallEventReason reason) {
		long seq = this.seqs.merge(callId, 1L, Long::sum);
		return send(callId, seq, seconds, type, state, agentId, reason);
	}

	/** An event with the given number, as a repeat or a late delivery would carry it. */
	public CallEvent send(String callId, long seq, double seconds, CallEventType type, CallState state, String agentId,
			CallEventReason reason) {
		CallEvent event = new CallEvent(callId + ":" + seq, callId, seq, type, state, agentId, null,
				"session-" + callId, true, reason, false, at(seconds));
		this.calls.pipeInput(callId, event);
		return event;
	}

	public void sendAgain(CallEvent event) {
		this.calls.pipeInput(event.callId(), event);
	}

	public void sendRaw(String key, String value) {
		this.rawCalls.pipeInput(key, value);
	}

	public void queued(String callId, double seconds) {
		call(callId, seconds, CallEventType.QUEUED, CallState.WAITING, null, null);
	}

	public void assigned(String callId, double seconds, String agentId) {
		call(callId, seconds, CallEventType.ASSIGNED, CallState.ASSIGNED, agentId, null);
	}

	public void accepted(String callId, double seconds, String agentId) {
		call(callId, seconds, CallEventType.ACCEPTED, CallState.ON_CALL, agentId, null);
	}

	public void ended(String callId, double seconds, String agentId, CallEventReason reason) {
		call(callId, seconds, CallEventType.ENDED, CallState.ENDED, agentId, reason);
	}

	/** A caller who dialed at {@code 0} and gave up (left) after {@code seconds}. */
	public void abandoned(String callId, double dialedAt, double seconds) {
		queued(callId, dialedAt);
		ended(callId, dialedAt + seconds, null, CallEventReason.CALLER_LEFT);
	}

	/** A caller who dialed at {@code dialedAt} and was accepted after {@code seconds}. */
	public void answered(String callId, double dialedAt, double seconds, String agentId) {
		queued(callId, dialedAt);
		assigned(callId, dialedAt + 1, agentId);
		accepted(callId, dialedAt + seconds, agentId);
	}

	public void agent(String agentId, long seq, double seconds, AgentEventType type, AgentState state,
			String awayReason) {
		this.agents.pipeInput(agentId, new AgentEvent(agentId + ":" + seq, agentId, seq, type, null, 1, at(seconds), 0,
				state, awayReason, null));
	}

	/**
	 * An agent event that leaves the agent in wrap-up until {@code untilSeconds}, as
	 * queue-service sends it when a call the agent talked on ends.
	 */
	public void wrapUp(String agentId, long seq, double seconds, double untilSeconds) {
		this.agents.pipeInput(agentId, new AgentEvent(agentId + ":" + seq, agentId, seq, AgentEventType.STATE_CHANGED,
				null, 1, at(seconds), 0, AgentState.WRAP_UP, null, at(untilSeconds)));
	}

	/** Lets the topology's wall-clock work run (dropping old summaries). */
	public void advanceWallClock(Duration by) {
		this.driver.advanceWallClockTime(by);
	}

	public static Instant at(double seconds) {
		return T0.plusMillis(Math.round(seconds * 1000));
	}

	public Figures center() {
		return this.stores.center().figures();
	}

	@Override
	public void close() {
		this.driver.close();
	}

}
