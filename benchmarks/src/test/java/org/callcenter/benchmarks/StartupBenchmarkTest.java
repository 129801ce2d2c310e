package org.callcenter.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StartupBenchmarkTest {

	@TempDir
	Path folder;

	@Test
	void startsTheLauncherWithTheLastExecJavaLineOfTheScriptItsJarFound() throws IOException {
		Path jar = Files.createFile(this.folder.resolve("launcher-1.0-exec.jar"));
		Path script = Files.writeString(this.folder.resolve("run"), """
				#!/usr/bin/env bash
				./mvnw --quiet package
				# exec java -jar old.jar
				exec java -Xms32m -XX:+UseSerialGC -jar %s/launcher-*-exec.jar
				""".formatted(this.folder));
		assertThat(StartupBenchmark.launcherCommand(script)).containsExactly("java", "-Xms32m", "-XX:+UseSerialGC",
				"-jar", jar.toString());
	}

	@Test
	void refusesAScriptWhoseJarIsNotBuilt() throws IOException {
		Path script = Files.writeString(this.folder.resolve("run"),
				"exec java -jar %s/launcher-*-exec.jar\n".formatted(this.folder));
		assertThatIllegalStateException().isThrownBy(() -> StartupBenchmark.launcherCommand(script))
			.withMessageContaining("build first");
	}

	@Test
	void theProjectsOwnRunScriptEndsWithTheLaunchersCommand() throws IOException {
		String run = Files.readString(Path.of("..", "run"));
		assertThat(run).containsPattern("(?m)^exec java .*-jar launcher/target/launcher-\\*-exec\\.jar$");
	}

	@Test
	void readsTheResidentMemoryOfARunningProcess() {
		assertThat(StartupBenchmark.residentBytes(ProcessHandle.current())).isGreaterThan(1024 * 1024);
	}

}
