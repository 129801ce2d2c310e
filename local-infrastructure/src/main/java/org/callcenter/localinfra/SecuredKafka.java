package org.callcenter.localinfra;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * A real single-node Kafka broker (KRaft) in this JVM that only the call center can use:
 * one SASL/SCRAM-SHA-256 listener on 127.0.0.1, the KRaft {@code StandardAuthorizer} with
 * nothing allowed unless an ACL allows it, and ACLs that let the call center's principal
 * read and write its own topics and join its own consumer groups, and nothing else.
 * Whoever reaches the port without the password can neither read a session id nor forge a
 * {@code CONNECTION_DESTROYED}.
 * <p>
 * SCRAM credentials live in KRaft's metadata, so they are written when the storage is
 * formatted ({@code --add-scram}), before the broker first starts. The broker's own
 * connections use the {@value #ADMIN} super user: SCRAM on the broker listener, PLAIN on
 * the controller listener (SCRAM cannot authenticate the controller, which would need the
 * metadata it serves). Both passwords stay in this process and in a configuration file
 * only its user can read; nothing goes on a command line.
 * <p>
 * In this JVM rather than in a process of its own ({@link KraftBroker}): {@code ./run}
 * stays one process to stop.
 */
public final class SecuredKafka implements AutoCloseable {

	/** The broker's own super user; only the broker and tests that inspect it use it. */
	public static final String ADMIN = "admin";

	/** The principal every service of the call center authenticates as. */
	public static final String SERVICES = "callcenter";

	public static final String MECHANISM = "SCRAM-SHA-256";

	/**
	 * Topic name prefixes of the call center ({@code Topics}, and their {@code -dlt} dead
	 * letters).
	 */
	static final List<String> TOPIC_PREFIXES = List.of("callcenter.", "opentok.");

	/**
	 * Consumer group prefixes: queue-service-&lt;namespace&gt;, token-service,
	 * gateway-&lt;uuid&gt;, and stats-service's Kafka Streams application id
	 * (callcenter.stats-&lt;namespace&gt;, also the prefix of its internal topics).
	 */
	static final List<String> GROUP_PREFIXES = List.of("queue-service", "token-service", "gateway-",
			"callcenter.stats");

	private final int port = FreePorts.next();

	private final String adminPassword = randomPassword();

	private final String servicesPassword;

	private final KraftBroker broker;

	private SecuredKafka(String servicesPassword) {
		this.servicesPassword = servicesPassword;
		int controllerPort = FreePorts.next();
		List<String> credentials = new ArrayList<>();
		for (String user : List.of(ADMIN, SERVICES)) {
			String password = ADMIN.equals(user) ? this.adminPassword : this.servicesPassword;
			credentials.addAll(List.of("--add-scram", MECHANISM + "=[name=" + user + ",password=" + password + "]"));
		}
		this.broker = KraftBroker.start((home) -> config(controllerPort, home), credentials);
		grantTheCallCenterItsAcls();
	}

	/**
	 * Starts a broker whose services' principal ({@value #SERVICES}) has
	 * {@code servicesPassword}, and waits until it has taken the call center's ACLs.
	 */
	public static SecuredKafka start(String servicesPassword) {
		// it goes into JAAS and --add-scram syntax as it is: no quotes, commas or
		// brackets
		if (servicesPassword == null || !servicesPassword.matches("[A-Za-z0-9._~+/-]{12,}")) {
			throw new IllegalArgumentException(
					"the Kafka password must be at least 12 letters, digits or any of ._~+/-");
		}
		return new SecuredKafka(servicesPassword);
	}

	/**
	 * A new random password (hex, so that it needs no quoting in a JAAS configuration).
	 */
	public static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** The password of the services' principal, {@value #SERVICES}. */
	public String servicesPassword() {
		return this.servicesPassword;
	}

	/**
	 * Client properties (bootstrap servers and SASL) of a client that signs in as
	 * {@code user}.
	 */
	public Map<String, Object> clientProperties(String user, String password) {
		Map<String, Object> properties = new HashMap<>();
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
		properties.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
		properties.put(SaslConfigs.SASL_JAAS_CONFIG, scramLogin(user, password));
		return properties;
	}

	/**
	 * Client properties of the super user, for tests that look at everything on the
	 * broker.
	 */
	public Map<String, Object> adminProperties() {
		return clientProperties(ADMIN, this.adminPassword);
	}

	@Override
	public void close() {
		this.broker.close();
	}

	private Properties config(int controllerPort, Path home) {
		Properties config = KraftSettings.singleNode(controllerPort, home.resolve("logs"));
		config.put("listeners", "BROKER://127.0.0.1:" + this.port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		config.put("advertised.listeners", "BROKER://127.0.0.1:" + this.port);
		config.put("listener.security.protocol.map", "BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
		config.put("inter.broker.listener.name", "BROKER");
		config.put("controller.listener.names", "CONTROLLER");
		config.put("sasl.enabled.mechanisms", MECHANISM);
		config.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
		config.put("listener.name.broker.scram-sha-256.sasl.jaas.config", scramLogin(ADMIN, this.adminPassword));
		config.put("sasl.mechanism.controller.protocol", "PLAIN");
		config.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
		config.put("listener.name.controller.plain.sasl.jaas.config",
				"org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
						+ "\" password=\"" + this.adminPassword + "\" user_" + ADMIN + "=\"" + this.adminPassword
						+ "\";");
		config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		config.put("allow.everyone.if.no.acl.found", "false");
		config.put("super.users", "User:" + ADMIN);
		return config;
	}

	/**
	 * Topics: read, write and create (each implies describe) under the call center's
	 * prefixes, so services can auto-create their topics and dead-letter topics. Groups:
	 * read under the services' prefixes. No cluster permission: since Kafka 3.0 an
	 * idempotent producer needs only write on a topic (KIP-679), so
	 * {@code IdempotentWrite} would grant nothing the services use.
	 */
	private void grantTheCallCenterItsAcls() {
		List<AclBinding> acls = new ArrayList<>();
		for (String prefix : TOPIC_PREFIXES) {
			for (AclOperation operation : List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE)) {
				acls.add(allow(new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED), operation));
			}
		}
		for (String prefix : GROUP_PREFIXES) {
			acls.add(allow(new ResourcePattern(ResourceType.GROUP, prefix, PatternType.PREFIXED), AclOperation.READ));
		}
		try (Admin admin = Admin.create(adminProperties())) {
			admin.createAcls(acls).all().get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			close();
			throw new IllegalStateException("Kafka did not take the call center's ACLs", ex);
		}
	}

	private static AclBinding allow(ResourcePattern pattern, AclOperation operation) {
		return new AclBinding(pattern,
				new AccessControlEntry("User:" + SERVICES, "*", operation, AclPermissionType.ALLOW));
	}

	private static String scramLogin(String user, String password) {
		return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
				+ password + "\";";
	}

}
