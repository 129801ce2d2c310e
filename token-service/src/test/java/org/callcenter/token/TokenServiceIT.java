package org.callcenter.token;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.CallState;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.emulator.auth.ClientTokens.ClientToken;
import org.callcenter.testsupport.EmulatedBrowser;
import org.callcenter.testsupport.RealKafka;
import org.callcenter.testsupport.RealKafkaConnection;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** token-service with the real opentok-server-sdk talking to the emulator over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.kafka.consumer.auto-offset-reset=earliest")
@Import(RealKafkaConnection.class)
class TokenServiceIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	RestClient http;

	@DynamicPropertySource
	static void openTok(DynamicPropertyRegistry registry) {
		Emulator.register(registry);
	}

	@BeforeEach
	void client() {
		this.http = ServiceIdentity.client(this.port);
	}

	@Test
	void createsSessionsAndTokensCarryingWhoConnects() {
		Reply session = post("/sessions", null);
		String sessionId = session.body().get("sessionId").asString();

		Reply token = post("/sessions/" + sessionId + "/tokens", Map.of("userId", "call-1", "userType", "caller"));

		assertThat(session.status()).isEqualTo(201);
		assertThat(session.body().get("apiKey").asString()).isEqualTo(Emulator.API_KEY);
		assertThat(token.status()).isEqualTo(201);
		ClientToken grant = Emulator.tokens().verify(token.body().get("token").asString(), sessionId);
		assertThat(JSON.readTree(grant.data()))
			.isEqualTo(JSON.readTree("{\"userId\":\"call-1\",\"userType\":\"caller\"}"));
		assertThat(Instant.parse(token.body().get("expiresAt").asString())).isAfter(Instant.now().plusSeconds(3000));
	}

	@Test
	void aTokenMadeAheadIsValidForItsTimeHeldPlusAFullLifetime() {
		String sessionId = post("/sessions", null).body().get("sessionId").asString();

		Reply token = post("/sessions/" + sessionId + "/tokens",
				Map.of("userId", "call-2", "userType", "caller", "heldFor", "PT2H"));

		assertThat(token.status()).isEqualTo(201);
		Instant expiresAt = Instant.parse(token.body().get("expiresAt").asString());
		// the lifetime is 1 h: handed out 2 h after it was made, 1 h is left
		assertThat(expiresAt).isBetween(Instant.now().plusSeconds(3 * 3600 - 60), Instant.now().plusSeconds(3 * 3600));
		ClientToken grant = Emulator.tokens().verify(token.body().get("token").asString(), sessionId);
		assertThat(grant.expiresAt()).isEqualTo(expiresAt.getEpochSecond());
		// at most a week ahead (OpenTok refuses expiry times beyond 30 days)
		assertThat(post("/sessions/" + sessionId + "/tokens",
				Map.of("userId", "call-2", "userType", "caller", "heldFor", "P8D"))
			.status()).isEqualTo(400);
		assertThat(post("/sessions/" + sessionId + "/tokens",
				Map.of("userId", "call-2", "userType", "caller", "heldFor", "-PT1H"))
			.status()).isEqualTo(400);
	}

	@Test
	void onlyTheSuitesOwnServicesMayUseItAnythingElseIs401() {
		RestClient stranger = RestClient.create("http://127.0.0.1:" + this.port);
		String sessionId = post("/sessions", null).body().get("sessionId").asString();
		String callerCredential = new org.callcenter.trust.SignedCredentials(ServiceIdentity.SECRET,
				java.time.Clock.systemUTC())
			.issue(org.callcenter.trust.SignedCredentials.Purpose.CALLER, "queue-service",
					java.time.Duration.ofMinutes(1));
		String forged = ServiceIdentity.issue().substring(0, ServiceIdentity.issue().length() - 4) + "AAAA";

		for (String identity : new String[] { null, callerCredential, forged, "garbage" }) {
			for (String path : new String[] { "/sessions", "/sessions/" + sessionId + "/tokens",
					"/sessions/" + sessionId + "/signals" }) {
				RestClient.RequestBodySpec request = stranger.post().uri(path).contentType(MediaType.APPLICATION_JSON);
				if (identity != null) {
					request.header(org.callcenter.trust.SignedCredentials.SERVICE_HEADER, identity);
				}
				int status = request.body(Map.of("userId", "spy", "userType", "agent", "type", "endCall"))
					.exchange((req, res) -> res.getStatusCode().value());
				assertThat(status).as(path + " with " + identity).isEqualTo(401);
			}
		}
		int deleted = stranger.delete()
			.uri("/sessions/" + sessionId + "/connections/c-1")
			.exchange((req, res) -> res.getStatusCode().value());
		assertThat(deleted).isEqualTo(401);
	}

	@Test
	void aSignalReachesTheConnectedClientsAndAnUnknownConnectionIs404() throws Exception {
		String sessionId = post("/sessions", null).body().get("sessionId").asString();
		try (EmulatedBrowser caller = connect(sessionId, "call-1", "caller");
				EmulatedBrowser agent = connect(sessionId, "alice", "agent")) {

			assertThat(
					post("/sessions/" + sessionId + "/signals", Map.of("type", "hello", "data", "everyone")).status())
				.isEqualTo(204);
			assertThat(post("/sessions/" + sessionId + "/signals",
					Map.of("type", "hello", "data", "just you", "connectionId", caller.connectionId()))
				.status()).isEqualTo(204);

			await().atMost(EmulatedBrowser.PATIENCE).until(() -> caller.received("signal").size() == 2);
			assertThat(agent.received("signal")).extracting((m) -> m.get("data")).containsExactly("everyone");
			assertThat(post("/sessions/" + sessionId + "/signals",
					Map.of("type", "hello", "connectionId", "no-such-connection"))
				.status()).isEqualTo(404);
		}
	}

	@Test
	void forceDisconnectRemovesTheClient() throws Exception {
		String sessionId = post("/sessions", null).body().get("sessionId").asString();
		try (EmulatedBrowser caller = connect(sessionId, "call-1", "caller")) {

			Reply removed = send(HttpMethod.DELETE, "/sessions/" + sessionId + "/connections/" + caller.connectionId(),
					null);

			assertThat(removed.status()).isEqualTo(204);
			await().atMost(EmulatedBrowser.PATIENCE).until(caller::isClosed);
			assertThat(send(HttpMethod.DELETE, "/sessions/" + sessionId + "/connections/" + caller.connectionId(), null)
				.status()).isEqualTo(404);
		}
	}

	@Test
	void badInputIs400() {
		String sessionId = post("/sessions", null).body().get("sessionId").asString();

		assertThat(post("/sessions/x/tokens", Map.of("userId", "u", "userType", "caller")).status()).isEqualTo(400);
		assertThat(post("/sessions/" + sessionId + "/tokens", Map.of("userId", "u", "userType", "boss")).status())
			.isEqualTo(400);
		assertThat(post("/sessions/" + sessionId + "/tokens", Map.of("userId", "", "userType", "agent")).status())
			.isEqualTo(400);
		assertThat(post("/sessions/1_MX45OTk5fn5-another-project/tokens", Map.of("userId", "u", "userType", "agent"))
			.body()
			.get("type")
			.asString()).isEqualTo("urn:callcenter:problem:invalid-opentok-request");
		assertThat(post("/sessions/" + sessionId + "/signals", Map.of("type", "no spaces")).status()).isEqualTo(400);
		assertThat(
				post("/sessions/" + sessionId + "/signals", Map.of("type", "big", "data", "x".repeat(8193))).status())
			.isEqualTo(400);
		assertThat(send(HttpMethod.POST, "/sessions/" + sessionId + "/tokens", "{not json").status()).isEqualTo(400);
	}

	@Test
	void callEventsBecomeTheOldDemosSignalsOnce() throws Exception {
		String sessionId = post("/sessions", null).body().get("sessionId").asString();
		try (EmulatedBrowser caller = connect(sessionId, "call-7", "caller");
				KafkaProducer<String, String> producer = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.shared().bootstrapServers()),
						new StringSerializer(), new StringSerializer())) {
			CallEvent accepted = event(sessionId, 3, CallEventType.ACCEPTED, CallState.ON_CALL, null);
			for (CallEvent event : new CallEvent[] { accepted, accepted,
					event(sessionId, 4, CallEventType.HELD, CallState.ON_HOLD, CallEventReason.AGENT_HELD),
					event(sessionId, 5, CallEventType.RESUMED, CallState.ON_CALL, null),
					event(sessionId, 4, CallEventType.HELD, CallState.ON_HOLD, CallEventReason.AGENT_HELD),
					event(sessionId, 6, CallEventType.ENDED, CallState.ENDED, CallEventReason.AGENT_ENDED) }) {
				producer.send(new ProducerRecord<>(Topics.CALL_EVENTS, event.callId(), JSON.writeValueAsString(event)))
					.get(10, TimeUnit.SECONDS);
			}

			await().atMost(EmulatedBrowser.PATIENCE)
				.until(() -> caller.has((m) -> "endCall".equals(m.get("signalType"))));
			assertThat(caller.received("signal")).extracting((m) -> m.get("signalType"))
				.containsExactly("agentConnected", "hold", "unhold", "agentConnected", "endCall");
			assertThat(caller.received("signal").get(0).get("data")).isEqualTo("alice");
		}
	}

	private static CallEvent event(String sessionId, long seq, CallEventType type, CallState state,
			CallEventReason reason) {
		return new CallEvent("call-7:" + seq, "call-7", seq, type, state, "alice", null, sessionId, true, reason, false,
				Instant.now());
	}

	private EmulatedBrowser connect(String sessionId, String userId, String userType) throws Exception {
		String token = post("/sessions/" + sessionId + "/tokens", Map.of("userId", userId, "userType", userType)).body()
			.get("token")
			.asString();
		EmulatedBrowser browser = EmulatedBrowser.connect(Emulator.url(), Emulator.API_KEY, sessionId, token);
		await().atMost(EmulatedBrowser.PATIENCE).until(() -> browser.connectionId() != null);
		return browser;
	}

	private Reply post(String path, Object body) {
		return send(HttpMethod.POST, path, body);
	}

	private Reply send(HttpMethod method, String path, Object body) {
		RestClient.RequestBodySpec request = this.http.method(method).uri(path);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange((req, res) -> {
			String text = new String(res.getBody().readAllBytes());
			return new Reply(res.getStatusCode().value(), text.isEmpty() ? null : JSON.readTree(text));
		});
	}

	record Reply(int status, JsonNode body) {
	}

}
