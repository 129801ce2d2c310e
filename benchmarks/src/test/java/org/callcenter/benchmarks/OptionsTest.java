package org.callcenter.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTest {

	@Test
	void defaultsKeepARunShortAndLeaveTheOldDemoOut() {
		Options options = Options.parse();
		assertThat(options.connections()).isEqualTo(32);
		assertThat(options.measured()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.dialRate()).isEqualTo(200);
		assertThat(options.agents()).isEqualTo(100);
		assertThat(options.nodeDemo()).isNull();
	}

	@Test
	void namedOptionsOverrideDefaults() {
		Options options = Options.parse("--webhook-rate=1000", "--seconds=2.5", "--node-demo=/tmp/demo");
		assertThat(options.webhookRate()).isEqualTo(1000);
		assertThat(options.measured()).isEqualTo(Duration.ofMillis(2500));
		assertThat(options.nodeDemo()).isEqualTo(Path.of("/tmp/demo"));
	}

	@Test
	void unknownOrNonsensicalOptionsAreRefusedWithTheUsage() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rate=5"))
			.withMessageContaining("--dial-rate");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--connections=0"));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("200"));
	}

}
