package org.callcenter.queue.store;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.callcenter.contracts.calls.CallState;

import static org.assertj.core.api.Assertions.assertThat;

class CallTest {

	@Test
	void aWaitingCallReadFromRedisHasItsPositionAndNoAgent() {
		Call call = Call.from(Map.of("id", "c-1", "name", "Ann", "reason", "", "mode", "audioOnly", "sessionId", "1_s",
				"state", "WAITING", "agentId", "", "connected", "0", "joinedAt", "1000", "position", "2"));

		assertThat(call.state()).isEqualTo(CallState.WAITING);
		assertThat(call.mode()).isEqualTo(CallMode.audioOnly);
		assertThat(call.agentId()).isNull();
		assertThat(call.queuePosition()).isEqualTo(2);
		assertThat(call.joinedAt()).isEqualTo(Instant.ofEpochMilli(1000));
		assertThat(call.callStartedAt()).isNull();
	}

	@Test
	void everyRuleHasItsOwnProblemType() {
		assertThat(java.util.Arrays.stream(Rule.values()).map(Rule::type).distinct()).hasSize(Rule.values().length);
		assertThat(Rule.NOT_YOUR_CALLER.type()).hasToString("urn:callcenter:problem:not-your-caller");
	}

}
