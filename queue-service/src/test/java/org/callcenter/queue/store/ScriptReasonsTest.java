package org.callcenter.queue.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.callcenter.contracts.agents.AgentEvent.OfflineReason;
import org.callcenter.contracts.calls.CallEventReason;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CallEventReason} is the one list of reasons a call event carries: the scripts
 * write no other, and every one of them is written somewhere (by a script, or passed in
 * from Java).
 */
class ScriptReasonsTest {

	/**
	 * A call to one of lib.lua's functions that take a reason, up to the end of its line.
	 */
	private static final Pattern REASON_CALL = Pattern
		.compile("\\b(end_call|put_on_hold|go_offline|place|hand_back|assign|end_consult)\\(([^\\n]*)");

	private static final Pattern LITERAL = Pattern.compile("'([^']*)'");

	@Test
	void theScriptsWriteEveryReasonOfTheEnumAndNoOther() throws IOException {
		Set<String> written = reasonsWrittenByScripts();
		// the reasons that Java passes in: leave.lua's and agent-offline.lua's ARGV[5]
		written.add(CallEventReason.CALLER_LEFT.wireName());
		Arrays.stream(OfflineReason.values()).map(OfflineReason::wireName).forEach(written::add);

		assertThat(written).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(CallEventReason.values()).map(CallEventReason::wireName).collect(Collectors.toSet()));
	}

	@Test
	void aCallMovedByItsAgentGoingOfflineCarriesTheAgentsReason() {
		for (OfflineReason reason : OfflineReason.values()) {
			assertThat(CallEventReason.fromWireName(reason.wireName()).wireName()).isEqualTo(reason.wireName());
		}
	}

	private static Set<String> reasonsWrittenByScripts() throws IOException {
		Set<String> reasons = new HashSet<>();
		Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:redis/*.lua");
		assertThat(scripts).isNotEmpty();
		for (Resource script : scripts) {
			Matcher call = REASON_CALL.matcher(script.getContentAsString(StandardCharsets.UTF_8));
			while (call.find()) {
				Matcher literal = LITERAL.matcher(call.group(2));
				while (literal.find()) {
					reasons.add(literal.group(1));
				}
			}
		}
		return reasons;
	}

}
