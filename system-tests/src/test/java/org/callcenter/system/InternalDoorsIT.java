package org.callcenter.system;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Every door but the gateway's, tried directly, as someone on the network or on the same
 * host would: the internal services do not listen beyond the loopback interface, and on
 * it each refuses requests without its credential, or with one signed by another secret
 * (Kafka: {@link KafkaAccessIT}).
 */
class InternalDoorsIT {

	private static final List<String> INTERNAL = List.of("queue-service", "token-service", "callback-service",
			"stats-service", "opentok-emulator");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Signed like the suite's own credentials, with a secret that is not the suite's. */
	private final SignedCredentials forger = new SignedCredentials("a-secret-that-is-not-the-suites",
			Clock.systemUTC());

	@Test
	void onlyTheGatewayListensBeyondTheLoopbackInterface() throws Exception {
		Optional<InetAddress> external = externalAddress();
		assumeThat(external).as("a network interface besides loopback").isPresent();

		assertThat(reachable(external.get(), port("gateway"))).as("gateway on " + external.get()).isTrue();
		for (String service : INTERNAL) {
			assertThat(reachable(external.get(), port(service))).as(service + " on " + external.get()).isFalse();
			assertThat(reachable(InetAddress.getLoopbackAddress(), port(service))).as(service + " on loopback")
				.isTrue();
		}
	}

	@Test
	void onLoopbackEachServiceRefusesRequestsWithoutItsCredentialOrWithAForgedOne() throws Exception {
		String queue = RunningSuite.get().url("queue-service");
		String forgedGateway = this.forger.issue(Purpose.SERVICE, "gateway", Duration.ofMinutes(1));
		String forgedAgent = this.forger.issue(Purpose.AGENT, "alice", Duration.ofMinutes(1));
		String forgedCaller = "Bearer "
				+ this.forger.issue(Purpose.CALLER, "00000000-0000-0000-0000-000000000000", Duration.ofMinutes(1));
		int before = ServerState.liveCalls();

		for (String header : new String[] { null, forgedGateway }) {
			assertThat(send("POST", queue + "/api/calls", SignedCredentials.SERVICE_HEADER, header,
					"{\"name\":\"Direct\",\"mode\":\"audioOnly\"}"))
				.as("dial round the gateway")
				.isEqualTo(401);
			assertThat(send("PUT", queue + "/api/callers/alive", SignedCredentials.SERVICE_HEADER, header, "[]"))
				.isEqualTo(401);
		}
		for (String header : new String[] { null, forgedAgent }) {
			assertThat(send("GET", queue + "/api/queue", SignedCredentials.AGENT_HEADER, header, null)).isEqualTo(401);
			assertThat(send("PUT", queue + "/api/agents/alice", SignedCredentials.AGENT_HEADER, header,
					"{\"displayName\":\"Mallory\"}"))
				.isEqualTo(401);
			assertThat(send("POST", queue + "/api/agents/alice/callers/00000000-0000-0000-0000-000000000000/accept",
					SignedCredentials.AGENT_HEADER, header, null))
				.isEqualTo(401);
		}
		assertThat(send("GET", queue + "/api/calls/00000000-0000-0000-0000-000000000000", "Authorization", forgedCaller,
				null))
			.isEqualTo(401);

		String token = RunningSuite.get().url("token-service");
		for (String header : new String[] { null, forgedGateway }) {
			assertThat(send("POST", token + "/sessions", SignedCredentials.SERVICE_HEADER, header, null))
				.as("a session made round queue-service")
				.isEqualTo(401);
			assertThat(send("POST", token + "/sessions/1_MX4xMjM0NTY3OH5-fg/tokens", SignedCredentials.SERVICE_HEADER,
					header, "{\"userId\":\"mallory\",\"userType\":\"agent\"}"))
				.as("a token for someone's session")
				.isEqualTo(401);
		}

		assertThat(send("POST", RunningSuite.get().url("callback-service") + "/ot_callback", null, null,
				"{\"sessionId\":\"1_MX4xMjM0NTY3OH5-fg\",\"projectId\":\"12345678\",\"event\":\"connectionDestroyed\","
						+ "\"connection\":{\"id\":\"c\",\"data\":\"{}\"}}"))
			.as("an unsigned callback")
			.isEqualTo(401);
		for (String header : new String[] { null, forgedAgent }) {
			assertThat(send("GET", RunningSuite.get().url("stats-service") + "/api/stats/live",
					SignedCredentials.AGENT_HEADER, header, null))
				.as("the call center's figures")
				.isEqualTo(401);
			assertThat(send("GET", RunningSuite.get().url("stats-service") + "/api/agents/alice/stats",
					SignedCredentials.AGENT_HEADER, header, null))
				.as("an agent's own figures")
				.isEqualTo(401);
		}
		// signed truly, as alice: her figures, nobody else's
		String alice = new SignedCredentials(RunningSuite.SECRET, Clock.systemUTC()).issue(Purpose.AGENT, "alice",
				Duration.ofMinutes(1));
		assertThat(send("GET", RunningSuite.get().url("stats-service") + "/api/agents/bob/stats",
				SignedCredentials.AGENT_HEADER, alice, null))
			.as("another agent's figures")
			.isEqualTo(403);
		assertThat(send("POST", RunningSuite.get().url("opentok-emulator") + "/session/create", null, null, ""))
			.as("OpenTok's REST API without the project's JWT")
			.isIn(401, 403);

		assertThat(ServerState.liveCalls()).isEqualTo(before);
	}

	private int send(String method, String url, String header, String value, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(10))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (header != null && value != null) {
			request.header(header, value);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static int port(String service) {
		return URI.create(RunningSuite.get().url(service)).getPort();
	}

	private static boolean reachable(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 2000);
			return true;
		}
		catch (IOException refused) {
			return false;
		}
	}

	private static Optional<InetAddress> externalAddress() throws SocketException {
		return NetworkInterface.networkInterfaces().filter((network) -> {
			try {
				return network.isUp() && !network.isLoopback();
			}
			catch (SocketException ex) {
				return false;
			}
		})
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.findFirst();
	}

}
