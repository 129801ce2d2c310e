package org.callcenter.emulator.sessions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import com.opentok.OpenTok;
import com.opentok.exception.InvalidArgumentException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionIdsTest {

	@Test
	void aSessionIdNamesTheProjectItWasMadeFor() {
		assertThat(SessionIds.apiKeyOf(SessionIds.create("12345678", 1700000000000L))).isEqualTo("12345678");
	}

	@Test
	void idsMadeInTheSameMillisecondDiffer() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			ids.add(SessionIds.create("12345678", 1700000000000L));
		}
		assertThat(ids).hasSize(1000);
	}

	@Test
	void theServerSdkMakesTokensForItsOwnProjectsSessionsOnly() throws Exception {
		String session = SessionIds.create("12345678", System.currentTimeMillis());
		OpenTok ours = new OpenTok.Builder(12345678, "s".repeat(40)).build();
		OpenTok theirs = new OpenTok.Builder(87654321, "s".repeat(40)).build();
		try {
			assertThat(ours.generateToken(session)).isNotBlank();
			assertThatThrownBy(() -> theirs.generateToken(session)).isInstanceOf(InvalidArgumentException.class);
		}
		finally {
			ours.close();
			theirs.close();
		}
	}

	@Test
	void whatIsNotASessionIdNamesNoProject() {
		String noFields = "1_"
				+ Base64.getUrlEncoder().withoutPadding().encodeToString("plain".getBytes(StandardCharsets.UTF_8));
		for (String notAnId : new String[] { null, "", "1_", "x_abc", "1_not base64!", "1_%%%", noFields }) {
			assertThat(SessionIds.apiKeyOf(notAnId)).as(String.valueOf(notAnId)).isNull();
		}
	}

}
