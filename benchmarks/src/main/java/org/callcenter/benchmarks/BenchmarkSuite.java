package org.callcenter.benchmarks;

import java.nio.file.Path;

import org.callcenter.launcher.ServiceJars;
import org.callcenter.launcher.Suite;
import org.callcenter.launcher.SuiteSettings;
import org.callcenter.localinfra.FreePorts;
import org.callcenter.localinfra.LocalRedis;
import org.callcenter.localinfra.SecuredKafka;

/**
 * The suite a benchmark measures, as {@code ./run} ships it: every service in its own JVM
 * from its executable jar, a Redis of its own and the broker {@code ./run} uses
 * (SASL/SCRAM, ACLs), so the numbers are those of a real local run. Everything is stopped
 * afterwards.
 */
final class BenchmarkSuite {

	static final String INTERNAL_SECRET = "benchmark-internal-secret";

	private BenchmarkSuite() {
	}

	/** The work to run against the started suite. */
	interface Work {

		void run(Suite suite) throws Exception;

	}

	/**
	 * Starts the suite with {@code tune} applied to its settings, runs {@code work}, then
	 * stops the suite, Kafka and Redis.
	 */
	static void run(String tenant, java.util.function.UnaryOperator<SuiteSettings> tune, Work work) throws Exception {
		LocalRedis redis = LocalRedis.ephemeral(FreePorts.next());
		SecuredKafka kafka = SecuredKafka.start(SecuredKafka.randomPassword());
		try {
			SuiteSettings settings = tune
				.apply(new SuiteSettings(redis.host(), redis.port(), SuiteSettings.Kafka.servicesOf(kafka),
						SuiteSettings.Ports.free(), SuiteSettings.OpenTok.emulator(), tenant, INTERNAL_SECRET));
			try (Suite suite = Suite.start(settings, ServiceJars.locate(), Path.of("benchmarks", "target", "logs"))) {
				work.run(suite);
			}
		}
		finally {
			kafka.close();
			redis.stop();
		}
	}

}
