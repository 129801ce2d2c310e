package org.callcenter.token.callevents;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.CallState;
import org.callcenter.token.opentok.OpenTokUnavailable;
import org.callcenter.token.opentok.UnknownConnection;
import org.callcenter.token.opentok.VideoPlatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** Which signal the caller's page gets when, as the old demo's page expects them. */
class CallSignallerTest {

	private final VideoPlatform platform = mock(VideoPlatform.class);

	private final CallSignaller signaller = new CallSignaller(this.platform);

	@Test
	void theAgentTakingTheCallTellsTheCallersPageItsAgentIsThere() {
		this.signaller.on(event("c-1", 3, CallEventType.ACCEPTED, null));

		// to the whole session (the caller's page), naming the agent
		verify(this.platform).signal("1_session-c-1", null, "agentConnected", "alice");
	}

	@Test
	void holdAndResumeAreSignalledResumeAsUnholdThenAgentConnected() {
		this.signaller.on(event("c-1", 4, CallEventType.HELD, null));
		this.signaller.on(event("c-1", 5, CallEventType.RESUMED, null));

		var order = inOrder(this.platform);
		order.verify(this.platform).signal("1_session-c-1", null, "hold", "alice");
		order.verify(this.platform).signal("1_session-c-1", null, "unhold", "alice");
		order.verify(this.platform).signal("1_session-c-1", null, "agentConnected", "alice");
	}

	@Test
	void onlyACallTheAgentEndedSendsEndCall() {
		assertThat(CallSignaller.signalsFor(event("c-1", 6, CallEventType.ENDED, CallEventReason.AGENT_ENDED)))
			.containsExactly("endCall");
		// the caller left, or the call timed out: the page knows already, or is gone
		assertThat(CallSignaller.signalsFor(event("c-1", 6, CallEventType.ENDED, CallEventReason.CALLER_LEFT)))
			.isEmpty();
		assertThat(CallSignaller.signalsFor(event("c-1", 6, CallEventType.ENDED, null))).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(names = { "QUEUED", "ASSIGNED", "CALLER_CONNECTED", "CALLER_DISCONNECTED" })
	void changesTheAgentDidNotMakeSendNoSignal(CallEventType type) {
		this.signaller.on(event("c-1", 1, type, null));

		verifyNoInteractions(this.platform);
	}

	@Test
	void aRedeliveredOrOlderEventOfACallIsNotSignalledAgain() {
		this.signaller.on(event("c-1", 3, CallEventType.ACCEPTED, null));
		this.signaller.on(event("c-1", 3, CallEventType.ACCEPTED, null));
		this.signaller.on(event("c-1", 2, CallEventType.HELD, null));

		verify(this.platform, times(1)).signal(anyString(), isNull(), anyString(), anyString());
	}

	@Test
	void eachCallIsCountedOnItsOwn() {
		this.signaller.on(event("c-1", 3, CallEventType.ACCEPTED, null));
		this.signaller.on(event("c-2", 1, CallEventType.ACCEPTED, null));

		verify(this.platform).signal(eq("1_session-c-2"), isNull(), eq("agentConnected"), anyString());
	}

	@Test
	void aSignalOpenTokRefusesForGoodIsDroppedSoTheCallsNextSignalsGoOn() {
		doThrow(new UnknownConnection()).when(this.platform).signal(anyString(), any(), eq("hold"), anyString());

		this.signaller.on(event("c-1", 4, CallEventType.HELD, null));
		this.signaller.on(event("c-1", 4, CallEventType.HELD, null));
		this.signaller.on(event("c-1", 5, CallEventType.RESUMED, null));

		verify(this.platform, times(1)).signal(anyString(), any(), eq("hold"), anyString());
		verify(this.platform).signal(anyString(), any(), eq("unhold"), anyString());
	}

	@Test
	void anOpenTokOutageFailsTheEventSoItIsDeliveredAgainAndSignalledThen() {
		CallEvent accepted = event("c-1", 3, CallEventType.ACCEPTED, null);
		doThrow(new OpenTokUnavailable("send a signal", null)).doNothing()
			.when(this.platform)
			.signal(anyString(), any(), anyString(), anyString());

		assertThatThrownBy(() -> this.signaller.on(accepted)).isInstanceOf(OpenTokUnavailable.class);
		this.signaller.on(accepted);

		verify(this.platform, times(2)).signal("1_session-c-1", null, "agentConnected", "alice");
	}

	@Test
	void aCallWithoutAnAgentIsSignalledWithEmptyData() {
		this.signaller.on(new CallEvent("c-3:2", "c-3", 2, CallEventType.ACCEPTED, CallState.ON_CALL, null, null,
				"1_session-c-3", true, null, false, Instant.now()));

		verify(this.platform).signal("1_session-c-3", null, "agentConnected", "");
	}

	private static CallEvent event(String callId, long seq, CallEventType type, CallEventReason reason) {
		CallState state = switch (type) {
			case QUEUED -> CallState.WAITING;
			case HELD -> CallState.ON_HOLD;
			case ENDED -> CallState.ENDED;
			case ACCEPTED, RESUMED -> CallState.ON_CALL;
			default -> CallState.ASSIGNED;
		};
		return new CallEvent(callId + ":" + seq, callId, seq, type, state, "alice", null, "1_session-" + callId, true,
				reason, false, Instant.now());
	}

}
