package org.callcenter.queue.sessionevents;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.sessions.SessionEvent;
import org.callcenter.contracts.sessions.SessionEventType;
import org.callcenter.queue.store.CallStore;
import org.callcenter.queue.store.ConnectionEvent;
import org.callcenter.queue.store.SessionEventOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Which OpenTok session events reach the calls, and as whose connection. */
class SessionEventListenerTest {

	private final CallStore store = mock(CallStore.class);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	/** As Boot builds the application's mapper: unknown properties are ignored. */
	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final SessionEventListener listener = new SessionEventListener(this.store, this.meters, this.json);

	@Test
	void aCallerConnectingIsAppliedToItsCallAsTheCaller() {
		when(this.store.applyConnectionEvent(any())).thenReturn(SessionEventOutcome.APPLIED);

		SessionEventOutcome outcome = this.listener
			.apply(event(SessionEventType.CONNECTION_CREATED, "{\"userId\":\"call-1\",\"userType\":\"caller\"}"));

		ArgumentCaptor<ConnectionEvent> applied = ArgumentCaptor.forClass(ConnectionEvent.class);
		verify(this.store).applyConnectionEvent(applied.capture());
		assertThat(applied.getValue()).isEqualTo(new ConnectionEvent("e-1", SessionEventType.CONNECTION_CREATED,
				"1_session", "conn-1", "caller", "call-1"));
		assertThat(outcome).isEqualTo(SessionEventOutcome.APPLIED);
	}

	@Test
	void anAgentDisconnectingIsAppliedAsTheAgent() {
		this.listener
			.apply(event(SessionEventType.CONNECTION_DESTROYED, "{\"userId\":\"alice\",\"userType\":\"agent\"}"));

		ArgumentCaptor<ConnectionEvent> applied = ArgumentCaptor.forClass(ConnectionEvent.class);
		verify(this.store).applyConnectionEvent(applied.capture());
		assertThat(applied.getValue().userType()).isEqualTo("agent");
		assertThat(applied.getValue().userId()).isEqualTo("alice");
	}

	@Test
	void streamEventsChangeNoCall() {
		String caller = "{\"userId\":\"call-1\",\"userType\":\"caller\"}";

		assertThat(this.listener.apply(event(SessionEventType.STREAM_CREATED, caller)))
			.isEqualTo(SessionEventOutcome.IGNORED);
		assertThat(this.listener.apply(event(SessionEventType.STREAM_DESTROYED, caller)))
			.isEqualTo(SessionEventOutcome.IGNORED);

		verifyNoInteractions(this.store);
	}

	@Test
	void connectionsMadeWithTokensFromOutsideTheCallCenterAreSkipped() {
		for (String data : new String[] { "", "not json", "{\"userId\":\"x\"}", "{\"userType\":\"caller\"}",
				"{\"userId\":\"x\",\"userType\":\"supervisor\"}", "[]" }) {
			assertThat(this.listener.apply(event(SessionEventType.CONNECTION_CREATED, data))).as(data)
				.isEqualTo(SessionEventOutcome.IGNORED);
		}

		verifyNoInteractions(this.store);
	}

	@Test
	void fieldsTheConnectionDataMayGainLaterAreTolerated() {
		this.listener.apply(event(SessionEventType.CONNECTION_CREATED,
				"{\"userId\":\"call-1\",\"userType\":\"caller\",\"locale\":\"de\"}"));

		verify(this.store).applyConnectionEvent(any());
	}

	@Test
	void eachEventIsCountedByTypeAndOutcome() {
		when(this.store.applyConnectionEvent(any())).thenReturn(SessionEventOutcome.DUPLICATE);

		this.listener.on(event(SessionEventType.CONNECTION_CREATED, "{\"userId\":\"call-1\",\"userType\":\"caller\"}"));

		assertThat(this.meters.get("callcenter.session.events")
			.tag("type", "CONNECTION_CREATED")
			.tag("outcome", "DUPLICATE")
			.counter()
			.count()).isEqualTo(1.0);
	}

	private static SessionEvent event(SessionEventType type, String connectionData) {
		return new SessionEvent("e-1", "1_session", type, "conn-1", connectionData, null, null, 1700000000000L);
	}

}
