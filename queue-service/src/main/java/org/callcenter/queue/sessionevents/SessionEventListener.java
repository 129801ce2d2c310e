package org.callcenter.queue.sessionevents;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.calls.Topics;
import org.callcenter.contracts.sessions.ConnectionData;
import org.callcenter.contracts.sessions.SessionEvent;
import org.callcenter.contracts.sessions.SessionEventType;
import org.callcenter.queue.store.CallStore;
import org.callcenter.queue.store.ConnectionEvent;
import org.callcenter.queue.store.SessionEventOutcome;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies OpenTok connection events to calls: a caller connecting makes it visible to its
 * agent, a caller disconnecting ends its call, an agent disconnecting puts its call on
 * hold. Stream events and sessions of other applications are skipped. Applying is
 * idempotent (see session-event.lua), so redelivery is harmless; failures go to the
 * listener's error handler and, after retries, to the dead-letter topic.
 */
@Component
class SessionEventListener {

	private static final Logger log = LoggerFactory.getLogger(SessionEventListener.class);

	private final CallStore store;

	private final MeterRegistry meters;

	/**
	 * Boot's, which ignores properties it does not know: connection data may carry more.
	 */
	private final JsonMapper json;

	SessionEventListener(CallStore store, MeterRegistry meters, JsonMapper json) {
		this.store = store;
		this.meters = meters;
		this.json = json;
	}

	@KafkaListener(id = "session-events", idIsGroup = false, topics = Topics.SESSION_EVENTS)
	void on(SessionEvent event) {
		SessionEventOutcome outcome = apply(event);
		this.meters.counter("callcenter.session.events", "type", event.type().name(), "outcome", outcome.name())
			.increment();
		log.debug("session event {} {} on {}: {}", event.eventId(), event.type(), event.sessionId(), outcome);
	}

	SessionEventOutcome apply(SessionEvent event) {
		if (event.type() != SessionEventType.CONNECTION_CREATED
				&& event.type() != SessionEventType.CONNECTION_DESTROYED) {
			return SessionEventOutcome.IGNORED;
		}
		ConnectionData who = connectionData(event.connectionData());
		if (who == null || who.userId() == null || who.userType() == null || event.connectionId() == null) {
			return SessionEventOutcome.IGNORED;
		}
		return this.store.applyConnectionEvent(new ConnectionEvent(event.eventId(), event.type(), event.sessionId(),
				event.connectionId(), who.userType().name(), who.userId()));
	}

	private ConnectionData connectionData(String data) {
		if (data == null || data.isBlank()) {
			return null;
		}
		try {
			return this.json.readValue(data, ConnectionData.class);
		}
		catch (JacksonException ex) {
			return null; // a connection made with a token from outside the call center
		}
	}

}
