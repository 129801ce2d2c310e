package org.callcenter.contracts;

import org.junit.jupiter.api.Test;

import org.callcenter.contracts.agents.AgentEvent.OfflineReason;
import org.callcenter.contracts.calls.CallEventReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WireNamesTest {

	@Test
	void everyReasonIsFoundByItsWireName() {
		for (CallEventReason reason : CallEventReason.values()) {
			assertThat(CallEventReason.fromWireName(reason.wireName())).isSameAs(reason);
		}
		for (OfflineReason reason : OfflineReason.values()) {
			assertThat(OfflineReason.fromWireName(reason.wireName())).isSameAs(reason);
		}
	}

	@Test
	void noNameMeansNoReason() {
		assertThat(CallEventReason.fromWireName(null)).isNull();
		assertThat(CallEventReason.fromWireName("")).isNull();
		assertThat(OfflineReason.fromWireName(null)).isNull();
		assertThat(OfflineReason.fromWireName("")).isNull();
	}

	@Test
	void anUnknownNameIsRefusedWithTheKindOfReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> CallEventReason.fromWireName("AGENT_ENDED"))
			.withMessage("No call event reason 'AGENT_ENDED'");
		assertThatIllegalArgumentException().isThrownBy(() -> OfflineReason.fromWireName("agentEnded"))
			.withMessage("No offline reason 'agentEnded'");
	}

}
