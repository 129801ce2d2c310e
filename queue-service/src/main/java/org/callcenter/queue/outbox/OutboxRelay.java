package org.callcenter.queue.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.CurrentTraceContext;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.queue.QueueProperties;
import org.callcenter.queue.store.QueueKeys;
import org.callcenter.queue.system.LuaScripts;
import org.callcenter.queue.system.RedisLease;
import org.callcenter.queue.system.TraceParents;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.ByteRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Relays call and agent events from the Redis outbox stream to Kafka: the Lua scripts
 * append an event in the same atomic step as the change it announces, so a change and its
 * event cannot part. One instance at a time holds a lease and relays in outbox order; it
 * advances the cursor only after Kafka acknowledged, so a crash or a lost lease means
 * some events are sent again, never lost. Consumers drop repeats by call id and sequence
 * number. Each event goes out within the trace of the change that made it (the entry's
 * {@code trace}), so its consumers continue that trace.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration BLOCK = Duration.ofSeconds(1);

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

	private final StringRedisTemplate redis;

	private final RedisConnectionFactory connections;

	private final KafkaTemplate<String, Object> kafka;

	private final QueueProperties properties;

	private final QueueKeys keys;

	private final TraceParents traces;

	private final RedisLease lease;

	private final RedisScript<Long> advance = script("relay-advance", Long.class);

	OutboxRelay(StringRedisTemplate redis, RedisConnectionFactory connections, KafkaTemplate<String, Object> kafka,
			QueueProperties properties, TraceParents traces) {
		this.redis = redis;
		this.connections = connections;
		this.kafka = kafka;
		this.properties = properties;
		this.keys = new QueueKeys(properties);
		this.traces = traces;
		this.lease = new RedisLease(redis, this.keys.relayOwner(), properties.relayLease());
	}

	@Override
	public void start() {
		this.lease.start("outbox-relay", this::relayUntilStopped);
	}

	@Override
	public void stop() {
		this.lease.stop(BLOCK.multipliedBy(3));
	}

	@Override
	public boolean isRunning() {
		return this.lease.running();
	}

	private void relayUntilStopped() {
		while (this.lease.running()) {
			// A connection of its own: blocking reads must not hold up the shared one.
			try (RedisConnection connection = this.connections.getConnection()) {
				while (this.lease.running()) {
					relayOnce(connection);
				}
			}
			catch (RuntimeException ex) {
				if (this.lease.running()) {
					log.warn("outbox relay paused: {}", ex.toString());
					pause(Duration.ofSeconds(1));
				}
			}
		}
	}

	private void relayOnce(RedisConnection connection) {
		if (!this.lease.hold()) {
			pause(this.properties.relayLease().dividedBy(3));
			return;
		}
		// only the holder advances the cursor, so it cannot move under this read
		String cursor = Objects.requireNonNullElse(this.redis.opsForValue().get(this.keys.relayCursor()), "0-0");
		List<ByteRecord> entries = connection.streamCommands()
			.xRead(StreamReadOptions.empty().count(this.properties.relayBatchSize()).block(BLOCK),
					StreamOffset.create(bytes(this.keys.outbox()), ReadOffset.from(cursor)));
		if (entries == null || entries.isEmpty()) {
			return;
		}
		List<CompletableFuture<?>> sends = new ArrayList<>(entries.size());
		for (ByteRecord entry : entries) {
			Map<String, String> fields = strings(entry.getValue());
			try (CurrentTraceContext.Scope trace = this.traces.continueFrom(fields.get("trace"))) {
				sends.add(send(entry.getId().getValue(), fields));
			}
		}
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("Kafka did not acknowledge call events; they will be sent again", ex);
		}
		String last = entries.get(entries.size() - 1).getId().getValue();
		this.redis.execute(this.advance, List.of(this.keys.relayOwner(), this.keys.relayCursor(), this.keys.outbox()),
				this.lease.owner(), last);
	}

	private CompletableFuture<?> send(String outboxPosition, Map<String, String> fields) {
		List<Header> position = List.of(new RecordHeader(Topics.OUTBOX_POSITION_HEADER, bytes(outboxPosition)));
		if (CallEvents.isAgentEvent(fields)) {
			AgentEvent event = CallEvents.agentEvent(fields);
			return this.kafka.send(new ProducerRecord<>(Topics.AGENT_EVENTS, null, event.agentId(), event, position));
		}
		CallEvent event = CallEvents.from(fields);
		return this.kafka.send(new ProducerRecord<>(Topics.CALL_EVENTS, null, event.callId(), event, position));
	}

	private void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static Map<String, String> strings(Map<byte[], byte[]> fields) {
		Map<String, String> result = new HashMap<>();
		fields.forEach(
				(k, v) -> result.put(new String(k, StandardCharsets.UTF_8), new String(v, StandardCharsets.UTF_8)));
		return result;
	}

	private static <T> RedisScript<T> script(String name, Class<T> type) {
		return LuaScripts.script(name, type);
	}

}
