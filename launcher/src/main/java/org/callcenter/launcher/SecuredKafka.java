package org.callcenter.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft) in this JVM that only the call center can use: one
 * SASL/SCRAM-SHA-256 listener on 127.0.0.1, the KRaft {@code StandardAuthorizer} with nothing allowed
 * unless an ACL allows it, and ACLs that let the call center's principal read and write its own
 * topics and join its own consumer groups, and nothing else. Whoever reaches the port without the
 * password can neither read a session id nor forge a {@code CONNECTION_DESTROYED}.
 * <p>
 * SCRAM credentials live in KRaft's metadata, so they are written when the storage is formatted
 * ({@code --add-scram}), before the broker first starts. The broker's own connections use the
 * {@value #ADMIN} super user: SCRAM on the broker listener, PLAIN on the controller listener (SCRAM
 * cannot authenticate the controller, which would need the metadata it serves). Both passwords stay
 * in this process and in a configuration file only its user can read; nothing goes on a command line.
 * <p>
 * In this JVM rather than in a process of its own: formatting ({@link StorageTool#execute}) and the
 * server ({@link KafkaRaftServer}) are plain calls, and {@code ./run} stays one process to stop.
 */
public final class SecuredKafka implements AutoCloseable {

	/** The broker's own super user; only the broker and tests that inspect it use it. */
	public static final String ADMIN = "admin";

	/** The principal every service of the call center authenticates as. */
	public static final String SERVICES = "callcenter";

	public static final String MECHANISM = "SCRAM-SHA-256";

	/** Topic name prefixes of the call center ({@code Topics}, and their {@code -dlt} dead letters). */
	static final List<String> TOPIC_PREFIXES = List.of("callcenter.", "opentok.");

	/** Consumer group prefixes: queue-service-&lt;namespace&gt;, token-service, gateway-&lt;uuid&gt;. */
	static final List<String> GROUP_PREFIXES = List.of("queue-service", "token-service", "gateway-");

	private final Path home;

	private final int port = freePort();

	private final String adminPassword = randomPassword();

	private final String servicesPassword;

	private final KafkaRaftServer server;

	private SecuredKafka(String servicesPassword) {
		this.servicesPassword = servicesPassword;
		try {
			this.home = Files.createTempDirectory("callcenter-kafka",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			Properties config = config(freePort());
			Path file = this.home.resolve("server.properties");
			try (Writer out = Files.newBufferedWriter(file)) {
				config.store(out, "written by the launcher; holds the broker's passwords: owner only");
			}
			format(file);
			this.server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
			this.server.startup();
			grantTheCallCenterItsAcls();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts a broker whose services' principal ({@value #SERVICES}) has {@code servicesPassword}, and
	 * waits until it has taken the call center's ACLs.
	 */
	public static SecuredKafka start(String servicesPassword) {
		// it goes into JAAS and --add-scram syntax as it is: no quotes, commas or brackets
		if (servicesPassword == null || !servicesPassword.matches("[A-Za-z0-9._~+/-]{12,}")) {
			throw new IllegalArgumentException(
					"the Kafka password must be at least 12 letters, digits or any of ._~+/-");
		}
		return new SecuredKafka(servicesPassword);
	}

	/** A new random password (hex, so that it needs no quoting in a JAAS configuration). */
	public static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** What the services need to reach this broker as {@value #SERVICES}. */
	public SuiteSettings.Kafka servicesAccess() {
		return SuiteSettings.Kafka.scram(bootstrapServers(), SERVICES, this.servicesPassword);
	}

	/** Client properties (bootstrap servers and SASL) of a client that signs in as {@code user}. */
	public Map<String, Object> clientProperties(String user, String password) {
		Map<String, Object> properties = new HashMap<>();
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
		properties.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
		properties.put(SaslConfigs.SASL_JAAS_CONFIG, scramLogin(user, password));
		return properties;
	}

	/** Client properties of the super user, for tests that look at everything on the broker. */
	public Map<String, Object> adminProperties() {
		return clientProperties(ADMIN, this.adminPassword);
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
		try (Stream<Path> files = Files.walk(this.home)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind is harmless
		}
	}

	private Properties config(int controllerPort) {
		Properties config = new Properties();
		config.put("process.roles", "broker,controller");
		config.put("node.id", "1");
		config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
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
				"org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN + "\" password=\""
						+ this.adminPassword + "\" user_" + ADMIN + "=\"" + this.adminPassword + "\";");
		config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		config.put("allow.everyone.if.no.acl.found", "false");
		config.put("super.users", "User:" + ADMIN);
		config.put("log.dirs", this.home.resolve("logs").toString());
		config.put("offsets.topic.replication.factor", "1");
		config.put("transaction.state.log.replication.factor", "1");
		config.put("transaction.state.log.min.isr", "1");
		config.put("num.partitions", "4");
		config.put("auto.create.topics.enable", "true");
		config.put("group.initial.rebalance.delay.ms", "0");
		return config;
	}

	private void format(Path config) {
		List<String> arguments = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c",
				config.toString()));
		for (String user : List.of(ADMIN, SERVICES)) {
			String password = ADMIN.equals(user) ? this.adminPassword : this.servicesPassword;
			arguments.addAll(List.of("--add-scram", MECHANISM + "=[name=" + user + ",password=" + password + "]"));
		}
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int status = StorageTool.execute(arguments.toArray(String[]::new),
				new PrintStream(output, true, StandardCharsets.UTF_8));
		if (status != 0) {
			throw new IllegalStateException("could not format Kafka's storage: " + output.toString(StandardCharsets.UTF_8));
		}
	}

	/**
	 * Topics: read, write and create (each implies describe) under the call center's prefixes, so
	 * services can auto-create their topics and dead-letter topics. Groups: read under the services'
	 * prefixes. No cluster permission: since Kafka 3.0 an idempotent producer needs only write on a
	 * topic (KIP-679), so {@code IdempotentWrite} would grant nothing the services use.
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

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
