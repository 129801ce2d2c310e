package org.callcenter.callback.webhook;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.callcenter.callback.system.CallbackProperties;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.contracts.sessions.SessionEvent;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a session event and returns only once Kafka acknowledged it (acks=all,
 * idempotent).
 */
@Component
class SessionEventPublisher {

	private final KafkaTemplate<String, SessionEvent> kafka;

	private final CallbackProperties properties;

	SessionEventPublisher(KafkaTemplate<String, SessionEvent> kafka, CallbackProperties properties) {
		this.kafka = kafka;
		this.properties = properties;
	}

	void publish(SessionEvent event) {
		try {
			this.kafka.send(Topics.SESSION_EVENTS, event.sessionId(), event)
				.get(this.properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaUnavailable(ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw new KafkaUnavailable(ex);
		}
	}

	/**
	 * Kafka did not acknowledge in time: the callback must be answered so that OpenTok
	 * retries.
	 */
	static class KafkaUnavailable extends RuntimeException {

		KafkaUnavailable(Throwable cause) {
			super("Kafka did not acknowledge the session event", cause);
		}

	}

}
