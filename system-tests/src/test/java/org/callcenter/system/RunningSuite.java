package org.callcenter.system;

import java.nio.file.Path;

import org.callcenter.launcher.Suite;
import org.callcenter.launcher.SuiteSettings;
import org.callcenter.testsupport.RealKafka;
import org.callcenter.testsupport.RealRedis;

/**
 * The whole suite, started once for all system tests from the executable jars the build just made
 * (every service in its own JVM, as deployed), on the shared real Redis and Kafka, with the emulator.
 */
final class RunningSuite {

	static final SuiteSettings.OpenTok OPENTOK = SuiteSettings.OpenTok.emulator();

	static final String SECRET = "system-test-internal-secret";

	private static final Suite SUITE = start();

	private RunningSuite() {
	}

	static Suite get() {
		return SUITE;
	}

	private static Suite start() {
		Suite suite = Suite.start(new SuiteSettings(RealRedis.shared().host(), RealRedis.shared().port(),
				RealKafka.shared().bootstrapServers(), SuiteSettings.Ports.free(), OPENTOK, "system", SECRET),
				Path.of("..").toAbsolutePath().normalize(), Path.of("target", "suite-logs"));
		Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "stop-suite"));
		return suite;
	}

}
