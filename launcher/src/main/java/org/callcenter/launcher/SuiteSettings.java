package org.callcenter.launcher;

import org.callcenter.localinfra.FreePorts;
import org.callcenter.localinfra.SecuredKafka;

/**
 * Where the suite finds Redis and Kafka (and how it signs in to Kafka), which ports its
 * services take, which OpenTok project it uses, and the secret the gateway and the
 * services share to sign identities.
 *
 * @param gatewayEnvironment more settings of every gateway instance, as environment
 * variables in Spring Boot's relaxed form ({@code GATEWAY_DIALSPERSECOND},
 * {@code GATEWAY_AGENTS_0_USERNAME}, ...): by environment, because some (agents' password
 * hashes) must not be on a command line; none for a suite as {@code ./run} ships it
 * @param queueEnvironment more settings of every queue-service instance, in the same form
 * ({@code QUEUE_AGENTWORKFLOW_WRAPUPBYAGENT_CAROL=4s}); none for a suite as {@code ./run}
 * ships it
 */
public record SuiteSettings(String redisHost, int redisPort, Kafka kafka, Ports ports, OpenTok openTok,
		String namespace, String internalSecret, java.util.Map<String, String> gatewayEnvironment,
		java.util.Map<String, String> queueEnvironment) {

	public SuiteSettings {
		gatewayEnvironment = java.util.Map.copyOf(gatewayEnvironment);
		queueEnvironment = java.util.Map.copyOf(queueEnvironment);
	}

	/** The gateway and queue-service with their own settings. */
	public SuiteSettings(String redisHost, int redisPort, Kafka kafka, Ports ports, OpenTok openTok, String namespace,
			String internalSecret) {
		this(redisHost, redisPort, kafka, ports, openTok, namespace, internalSecret, java.util.Map.of(),
				java.util.Map.of());
	}

	/**
	 * These settings with {@code environment} added to every gateway's (a benchmark lifts
	 * the dial rate limit and configures its agents so).
	 */
	public SuiteSettings withGatewayEnvironment(java.util.Map<String, String> environment) {
		java.util.Map<String, String> all = new java.util.HashMap<>(this.gatewayEnvironment);
		all.putAll(environment);
		return new SuiteSettings(this.redisHost, this.redisPort, this.kafka, this.ports, this.openTok, this.namespace,
				this.internalSecret, all, this.queueEnvironment);
	}

	/**
	 * These settings with {@code environment} added to every queue-service's (the system
	 * tests give one demo agent a wrap-up time).
	 */
	public SuiteSettings withQueueEnvironment(java.util.Map<String, String> environment) {
		java.util.Map<String, String> all = new java.util.HashMap<>(this.queueEnvironment);
		all.putAll(environment);
		return new SuiteSettings(this.redisHost, this.redisPort, this.kafka, this.ports, this.openTok, this.namespace,
				this.internalSecret, this.gatewayEnvironment, all);
	}

	/**
	 * How the services reach Kafka: {@code securityProtocol} PLAINTEXT (no sign-in) or
	 * SASL_PLAINTEXT / SASL_SSL with SCRAM-SHA-256 as {@code username}.
	 */
	public record Kafka(String bootstrapServers, String securityProtocol, String username, String password) {

		public static Kafka plaintext(String bootstrapServers) {
			return new Kafka(bootstrapServers, "PLAINTEXT", "", "");
		}

		public static Kafka scram(String bootstrapServers, String username, String password) {
			return new Kafka(bootstrapServers, "SASL_PLAINTEXT", username, password);
		}

		/** A {@link SecuredKafka} broker, signed in to as its services' principal. */
		public static Kafka servicesOf(SecuredKafka broker) {
			return scram(broker.bootstrapServers(), SecuredKafka.SERVICES, broker.servicesPassword());
		}

		/**
		 * The services' Kafka settings, as environment: the password must never be on a
		 * command line.
		 */
		java.util.Map<String, String> environment() {
			return java.util.Map.of("KAFKA_BOOTSTRAP_SERVERS", this.bootstrapServers, "KAFKA_SECURITY_PROTOCOL",
					this.securityProtocol, "KAFKA_USERNAME", this.username, "KAFKA_PASSWORD", this.password);
		}

		@Override
		public String toString() {
			return "Kafka[" + this.bootstrapServers + ", " + this.securityProtocol + ", " + this.username + "]";
		}

	}

	/** HTTP ports of the services. */
	public record Ports(int gateway, int queue, int token, int callback, int emulator, int stats) {

		public static Ports standard() {
			return new Ports(8080, 8082, 8083, 8084, 9911, 8085);
		}

		/** Ports nothing listens on now, for tests. */
		public static Ports free() {
			return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
					FreePorts.next());
		}

	}

	/**
	 * The OpenTok project: a real one, or the emulator's.
	 *
	 * @param signatureSecret signs the emulator's callbacks and is required of callbacks;
	 * empty for none
	 */
	public record OpenTok(boolean emulated, int apiKey, String apiSecret, String signatureSecret) {

		public static OpenTok emulator() {
			return new OpenTok(true, 12345678, "emulator-secret-0123456789abcdef01234567",
					"emulator-callback-signing-secret");
		}

	}

}
