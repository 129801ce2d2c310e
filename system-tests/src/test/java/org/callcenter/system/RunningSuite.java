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
 * agents see no wrap-up. Two agents only the system tests have, {@value #OFFER_AGENT} and
 * {@value #OTHER_OFFER_AGENT} (password "demo" as the demo agents'), get callers by
 * offers that ring for {@link #OFFER_TIMEOUT}, and are made away after
 * {@value #MISSES_BEFORE_AWAY} missed in a row; the others are assigned callers as
 * before. Several queues ({@link #QUEUES}): {@value #DEFAULT_QUEUE} first, which the
 * other tests' callers dial into, and every agent serves every queue but
 * {@value #SALES_AGENT} (sales alone) and {@value #SUPPORT_AGENT} (support alone).
 */
final class RunningSuite {

	static final SuiteSettings.OpenTok OPENTOK = SuiteSettings.OpenTok.emulator();

	static final String SECRET = "system-test-internal-secret";

	/**
	 * queue-service's {@code queue.namespace}: its Redis keys are under {@code {system}}.
	 */
	static final String NAMESPACE = "system";

	static final String WRAP_UP_AGENT = "carol";

	static final java.time.Duration WRAP_UP = java.time.Duration.ofSeconds(10);

	static final String OFFER_AGENT = "dave";

	static final String OTHER_OFFER_AGENT = "erin";

	/**
	 * Long enough for a browser test to see a card ring and answer it, short enough that
	 * offers running out do not make the tests slow.
	 */
	static final java.time.Duration OFFER_TIMEOUT = java.time.Duration.ofSeconds(8);

	static final int MISSES_BEFORE_AWAY = 2;

	/** The first queue: a dial that names none goes there. */
	static final String DEFAULT_QUEUE = "general";

	/** Serves sales alone. */
	static final String SALES_AGENT = "frank";

	/** Serves support alone. */
	static final String SUPPORT_AGENT = "grace";

	/**
	 * The queues' display names by id, in their order. Support refuses calls while nobody
	 * serving it is signed in; billing is open one day a week, never during the run
	 * ({@link #BILLING_HOURS}).
	 */
	static final java.util.Map<String, String> QUEUES = queues();

	/**
	 * Billing's hours: on the weekday three days after the suite's start in UTC, so that
	 * billing is closed for the whole run.
	 */
	static final String BILLING_HOURS = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
		.plusDays(3)
		.getDayOfWeek()
		.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ROOT)
		.toUpperCase(java.util.Locale.ROOT) + " 09:00-17:00";

	/** The demo agents' password "demo", as the gateway's application.yml has it. */
	private static final String DEMO_PASSWORD_HASH = "{bcrypt}$2a$10$.8TcQz4aNJYNPJqM3E/7euI.pCFMzCvOPvJ2jCOa14./hIm3vflwS";

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
				SuiteSettings.Kafka.servicesOf(KAFKA), SuiteSettings.Ports.free(), OPENTOK, NAMESPACE, SECRET)
			.withQueueEnvironment(java.util.Map.of(
					"QUEUE_AGENTWORKFLOW_WRAPUPBYAGENT_" + WRAP_UP_AGENT.toUpperCase(java.util.Locale.ROOT),
					WRAP_UP.toSeconds() + "s", "QUEUE_OFFERS_AGENTS", OFFER_AGENT + "," + OTHER_OFFER_AGENT,
					"QUEUE_OFFERS_TIMEOUT", OFFER_TIMEOUT.toSeconds() + "s", "QUEUE_OFFERS_MISSESBEFOREAWAY",
					String.valueOf(MISSES_BEFORE_AWAY), "SPRING_APPLICATION_JSON", queuesJson()))
			.withGatewayEnvironment(
					agents("alice", "bob", "carol", OFFER_AGENT, OTHER_OFFER_AGENT, SALES_AGENT, SUPPORT_AGENT)),
				ServiceJars.locate(), Path.of("target", "suite-logs"));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			suite.close();
			KAFKA.close();
		}, "stop-suite"));
		return suite;
	}

	private static java.util.Map<String, String> queues() {
		java.util.Map<String, String> queues = new java.util.LinkedHashMap<>();
		queues.put(DEFAULT_QUEUE, "Calls");
		queues.put("sales", "Sales");
		queues.put("support", "Support");
		queues.put("billing", "Billing");
		return java.util.Collections.unmodifiableMap(queues);
	}

	/**
	 * The queues and skills as queue-service's {@code queue.queues} (a list: the first
	 * takes the dials that name none) and {@code queue.skills}, in one JSON document
	 * rather than a dozen environment variables.
	 */
	private static String queuesJson() {
		return """
				{"queue": {
				  "queues": [
				    {"id": "%s", "display-name": "%s"},
				    {"id": "sales", "display-name": "%s"},
				    {"id": "support", "display-name": "%s", "refuse-when-nobody-signed-in": true},
				    {"id": "billing", "display-name": "%s", "time-zone": "UTC", "hours": ["%s"]}
				  ],
				  "skills": {"%s": {"sales": 1}, "%s": {"support": 1}}
				}}""".formatted(DEFAULT_QUEUE, QUEUES.get(DEFAULT_QUEUE), QUEUES.get("sales"), QUEUES.get("support"),
				QUEUES.get("billing"), BILLING_HOURS, SALES_AGENT, SUPPORT_AGENT);
	}

	/**
	 * The gateway's agents, all with the password "demo": set by environment, the list
	 * replaces the gateway's own demo agents, so it names them too.
	 */
	private static java.util.Map<String, String> agents(String... usernames) {
		java.util.Map<String, String> environment = new java.util.HashMap<>();
		for (int i = 0; i < usernames.length; i++) {
			String username = usernames[i];
			environment.put("GATEWAY_AGENTS_" + i + "_USERNAME", username);
			environment.put("GATEWAY_AGENTS_" + i + "_DISPLAYNAME",
					Character.toUpperCase(username.charAt(0)) + username.substring(1));
			environment.put("GATEWAY_AGENTS_" + i + "_PASSWORDHASH", DEMO_PASSWORD_HASH);
			// as in the gateway's demo agents: carol supervises
			environment.put("GATEWAY_AGENTS_" + i + "_SUPERVISOR", String.valueOf(username.equals("carol")));
		}
		return environment;
	}

}
