package org.callcenter.system;

import java.nio.file.Path;

import org.callcenter.launcher.ServiceJars;
import org.callcenter.launcher.Suite;
import org.callcenter.launcher.SuiteSettings;
import org.callcenter.localinfra.SecuredKafka;
import org.callcenter.testsupport.RealRedis;

/**
 * The whole suite, started once for all system tests from the executable jars the build
 * copied into {@code target/suite/services} ({@link ServiceJars}, named by Failsafe;
 * every service in its own JVM, as deployed), on the shared real Redis and on the secured
 * Kafka {@code ./run} uses (SASL/SCRAM, ACLs: the services sign in as
 * {@value SecuredKafka#SERVICES}), with the emulator. Demo agent {@value #WRAP_UP_AGENT}
 * alone has a wrap-up time after each call ({@link #WRAP_UP}), so that tests of other
 * agents see no wrap-up.
 */
final class RunningSuite {

	static final SuiteSettings.OpenTok OPENTOK = SuiteSettings.OpenTok.emulator();

	static final String SECRET = "system-test-internal-secret";

	static final String WRAP_UP_AGENT = "carol";

	static final java.time.Duration WRAP_UP = java.time.Duration.ofSeconds(10);

	private static final SecuredKafka KAFKA = SecuredKafka.start(SecuredKafka.randomPassword());

	private static final Suite SUITE = start();

	private RunningSuite() {
	}

	static Suite get() {
		return SUITE;
	}

	/**
	 * The broker the suite uses; tests that read its topics sign in with
	 * {@link SecuredKafka#adminProperties()}.
	 */
	static SecuredKafka kafka() {
		return KAFKA;
	}

	private static Suite start() {
		Suite suite = Suite.start(new SuiteSettings(RealRedis.shared().host(), RealRedis.shared().port(),
				SuiteSettings.Kafka.servicesOf(KAFKA), SuiteSettings.Ports.free(), OPENTOK, "system", SECRET)
			.withQueueEnvironment(java.util.Map.of(
					"QUEUE_AGENTWORKFLOW_WRAPUPBYAGENT_" + WRAP_UP_AGENT.toUpperCase(java.util.Locale.ROOT),
					WRAP_UP.toSeconds() + "s")),
				ServiceJars.locate(), Path.of("target", "suite-logs"));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			suite.close();
			KAFKA.close();
		}, "stop-suite"));
		return suite;
	}

}
