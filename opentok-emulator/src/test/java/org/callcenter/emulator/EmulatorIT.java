package org.callcenter.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.opentok.OpenTok;
import com.opentok.Role;
import com.opentok.SignalProperties;
import com.opentok.TokenOptions;
import com.opentok.exception.RequestException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.emulator.auth.ClientTokens;
import org.callcenter.emulator.auth.Hs256;
import org.callcenter.emulator.sessions.SessionIds;
import org.callcenter.testsupport.EmulatedBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The real opentok-server-sdk 4.9.0 against the emulator over HTTP, and clients on its
 * socket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "emulator.signature-secret=callback-signing-secret", "emulator.callback-first-retry=100ms" })
class EmulatorIT {

	static final String KEY = "12345678";

	static final String SECRET = "emulator-secret-0123456789abcdef01234567";

	static final CallbackReceiver CALLBACKS = new CallbackReceiver();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ClientTokens tokens;

	OpenTok sdk;

	@DynamicPropertySource
	static void callbacks(DynamicPropertyRegistry registry) {
		registry.add("emulator.callback-url", CALLBACKS::url);
	}

	@BeforeEach
	void sdk() {
		this.sdk = new OpenTok.Builder(Integer.parseInt(KEY), SECRET).apiUrl(url()).requestTimeout(5).build();
		CALLBACKS.clear();
	}

	@AfterEach
	void closeSdk() {
		this.sdk.close();
	}

	@AfterAll
	static void stopReceiver() {
		CALLBACKS.close();
	}

	@Test
	void theSdkCreatesSessionsWhoseTokensTheEmulatorAccepts() throws Exception {
		String sessionId = this.sdk.createSession().getSessionId();
		String token = this.sdk.generateToken(sessionId,
				new TokenOptions.Builder().role(Role.PUBLISHER)
					.data("{\"userId\":\"42\",\"userType\":\"caller\"}")
					.build());

		ClientTokens.ClientToken grant = this.tokens.verify(token, sessionId);

		assertThat(SessionIds.apiKeyOf(sessionId)).isEqualTo(KEY);
		assertThat(grant.role()).isEqualTo("publisher");
		assertThat(grant.data()).isEqualTo("{\"userId\":\"42\",\"userType\":\"caller\"}");
	}

	@Test
	void forgedExpiredAndWrongSessionTokensAreRefused() throws Exception {
		String sessionId = this.sdk.createSession().getSessionId();
		String otherSession = this.sdk.createSession().getSessionId();
		OpenTok forger = new OpenTok.Builder(Integer.parseInt(KEY), "not-the-secret-0123456789abcdefghijklmn")
			.apiUrl(url())
			.build();
		String forged = forger.generateToken(sessionId);
		forger.close();
		String expired = LegacyTokens.token(KEY, SECRET, sessionId, System.currentTimeMillis() / 1000 - 60,
				"publisher");
		String valid = LegacyTokens.token(KEY, SECRET, sessionId, System.currentTimeMillis() / 1000 + 60, "publisher");
		String badRole = LegacyTokens.token(KEY, SECRET, sessionId, System.currentTimeMillis() / 1000 + 60, "admin");

		assertThat(this.tokens.verify(valid, sessionId).role()).isEqualTo("publisher");
		for (String refused : List.of(forged, expired, badRole, "T1==garbage", "", "a.b.c")) {
			assertThatThrownBy(() -> this.tokens.verify(refused, sessionId)).isInstanceOf(Hs256.InvalidToken.class);
		}
		assertThatThrownBy(() -> this.tokens.verify(this.sdk.generateToken(sessionId), otherSession))
			.isInstanceOf(Hs256.InvalidToken.class);

		try (EmulatedBrowser browser = EmulatedBrowser.connect(url(), KEY, sessionId, forged)) {
			await().atMost(EmulatedBrowser.PATIENCE).until(browser::isClosed);
			assertThat(browser.received("error")).singleElement()
				.satisfies((error) -> assertThat(error.get("code")).isEqualTo(1004));
			assertThat(browser.connectionId()).isNull();
		}
	}

	@Test
	void restCallsWithoutTheProjectsJwtAre401() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest missing = HttpRequest.newBuilder(URI.create(url() + "/session/create"))
			.POST(HttpRequest.BodyPublishers.ofString("p2p.preference=disabled"))
			.build();
		String wrongSecret = Hs256.sign(Map.of("iss", KEY, "ist", "project", "iat", System.currentTimeMillis() / 1000,
				"exp", System.currentTimeMillis() / 1000 + 180), "wrong-secret-0123456789abcdefghijklmnop");
		HttpRequest forged = HttpRequest.newBuilder(URI.create(url() + "/session/create"))
			.header("X-OPENTOK-AUTH", wrongSecret)
			.POST(HttpRequest.BodyPublishers.ofString("p2p.preference=disabled"))
			.build();
		String expiredJwt = Hs256.sign(Map.of("iss", KEY, "ist", "project", "iat", 1000, "exp", 1180), SECRET);
		HttpRequest expired = HttpRequest.newBuilder(URI.create(url() + "/session/create"))
			.header("X-OPENTOK-AUTH", expiredJwt)
			.POST(HttpRequest.BodyPublishers.ofString(""))
			.build();

		for (HttpRequest request : List.of(missing, forged, expired)) {
			assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
		}
		OpenTok wrongProject = new OpenTok.Builder(99999, SECRET).apiUrl(url()).build();
		try {
			assertThatThrownBy(wrongProject::createSession).isInstanceOf(RequestException.class);
		}
		finally {
			wrongProject.close();
		}
	}

	@Test
	void aSignalSentThroughTheSdkReachesTheConnectedClient() throws Exception {
		String sessionId = this.sdk.createSession().getSessionId();
		try (EmulatedBrowser browser = EmulatedBrowser.connect(url(), KEY, sessionId,
				this.sdk.generateToken(sessionId))) {
			await().atMost(EmulatedBrowser.PATIENCE).until(() -> browser.connectionId() != null);

			this.sdk.signal(sessionId, new SignalProperties.Builder().type("hold").data("agent-1").build());
			this.sdk.signal(sessionId, browser.connectionId(),
					new SignalProperties.Builder().type("endCall").data("").build());

			await().atMost(EmulatedBrowser.PATIENCE).until(() -> browser.received("signal").size() == 2);
			assertThat(browser.received("signal")).extracting((m) -> m.get("signalType"))
				.containsExactly("hold", "endCall");
			assertThat(browser.received("signal").get(0).get("from")).isNull();
			assertThatThrownBy(() -> this.sdk.signal(sessionId, "no-such-connection",
					new SignalProperties.Builder().type("hold").data("").build()))
				.isInstanceOf(RequestException.class);
		}
	}

	@Test
	void forceDisconnectRemovesTheClientAndTellsTheOthers() throws Exception {
		String sessionId = this.sdk.createSession().getSessionId();
		try (EmulatedBrowser caller = EmulatedBrowser.connect(url(), KEY, sessionId, this.sdk.generateToken(sessionId));
				EmulatedBrowser agent = EmulatedBrowser.connect(url(), KEY, sessionId,
						this.sdk.generateToken(sessionId))) {
			await().atMost(EmulatedBrowser.PATIENCE)
				.until(() -> caller.connectionId() != null && agent.connectionId() != null);

			this.sdk.forceDisconnect(sessionId, caller.connectionId());

			await().atMost(EmulatedBrowser.PATIENCE).until(caller::isClosed);
			assertThat(caller.received("sessionDisconnected")).singleElement()
				.satisfies((m) -> assertThat(m.get("reason")).isEqualTo("forceDisconnected"));
			await().atMost(EmulatedBrowser.PATIENCE).until(() -> !agent.received("connectionDestroyed").isEmpty());
			assertThat(agent.received("connectionDestroyed").get(0).get("reason")).isEqualTo("forceDisconnected");
			assertThatThrownBy(() -> this.sdk.forceDisconnect(sessionId, caller.connectionId()))
				.isInstanceOf(RequestException.class);
		}
	}

	@Test
	void sessionMonitoringCallbacksCarryOpenToksFieldsAndAreSigned() throws Exception {
		String sessionId = this.sdk.createSession().getSessionId();
		String data = "{\"userId\":\"call-1\",\"userType\":\"caller\"}";
		try (EmulatedBrowser browser = EmulatedBrowser.connect(url(), KEY, sessionId,
				this.sdk.generateToken(sessionId, new TokenOptions.Builder().data(data).build()))) {
			await().atMost(EmulatedBrowser.PATIENCE).until(() -> browser.connectionId() != null);
			browser.send(Map.of("type", "publish", "name", "Ann", "hasAudio", true, "hasVideo", false));
			await().atMost(EmulatedBrowser.PATIENCE).until(() -> !browser.received("published").isEmpty());
		}

		await().atMost(EmulatedBrowser.PATIENCE).until(() -> events(sessionId).contains("sessionDestroyed"));
		assertThat(events(sessionId)).containsExactly("sessionCreated", "connectionCreated", "streamCreated",
				"streamDestroyed", "connectionDestroyed", "sessionDestroyed");
		for (CallbackReceiver.Delivery delivery : deliveries(sessionId)) {
			JsonNode body = JSON.readTree(delivery.body());
			assertThat(body.get("sessionId").isString()).isTrue();
			assertThat(body.get("sessionId").asString()).isEqualTo(sessionId);
			assertThat(body.get("projectId").isString()).isTrue();
			assertThat(body.get("timestamp").isNumber()).isTrue();
			Map<String, Object> claims = Hs256.verify(delivery.authorization().substring("Bearer ".length()),
					"callback-signing-secret");
			assertThat(claims).containsEntry("iss", "Vonage")
				.containsEntry("payload_hash",
						HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(delivery.body())));
		}
		JsonNode created = body(sessionId, "connectionCreated");
		assertThat(created.at("/connection/id").isString()).isTrue();
		assertThat(created.at("/connection/createdAt").isNumber()).isTrue();
		assertThat(created.at("/connection/data").asString()).isEqualTo(data);
		JsonNode stream = body(sessionId, "streamCreated");
		assertThat(stream.at("/stream/id").isString()).isTrue();
		assertThat(stream.at("/stream/connection/id").asString()).isEqualTo(created.at("/connection/id").asString());
		assertThat(stream.at("/stream/name").asString()).isEqualTo("Ann");
		assertThat(stream.at("/stream").has("videoType")).as("audio-only streams have no videoType").isFalse();
		assertThat(body(sessionId, "connectionDestroyed").get("reason").asString()).isEqualTo("clientDisconnected");
		assertThat(body(sessionId, "streamDestroyed").get("reason").asString()).isEqualTo("clientDisconnected");
	}

	@Test
	void aFailedCallbackIsRetriedUntilAccepted() throws Exception {
		String sessionId = this.sdk.createSession().getSessionId();
		CALLBACKS.failNext(1, sessionId);
		try (EmulatedBrowser browser = EmulatedBrowser.connect(url(), KEY, sessionId,
				this.sdk.generateToken(sessionId))) {
			await().atMost(EmulatedBrowser.PATIENCE).until(() -> browser.connectionId() != null);
		}

		await().atMost(EmulatedBrowser.PATIENCE).until(() -> events(sessionId).contains("sessionDestroyed"));
		List<CallbackReceiver.Delivery> first = deliveries(sessionId).stream()
			.filter((d) -> d.text().contains("\"sessionCreated\""))
			.toList();
		assertThat(first).extracting(CallbackReceiver.Delivery::accepted).containsExactly(false, true);
		assertThat(first.get(0).text()).isEqualTo(first.get(1).text());
		assertThat(events(sessionId)).containsExactlyInAnyOrder("sessionCreated", "connectionCreated",
				"connectionDestroyed", "sessionDestroyed");
	}

	@Test
	void callbacksCanActLikeAMisconfiguredProjectAndRetriesFollowTheBehaviourOfTheMoment() throws Exception {
		assertThat(switchCallbacks("OFF", null)).isEqualTo(401);
		try {
			assertThat(switchCallbacks("OFF", projectToken())).isEqualTo(200);
			String off = sessionWithOneVisit();
			await().during(java.time.Duration.ofSeconds(1))
				.atMost(java.time.Duration.ofSeconds(3))
				.until(() -> deliveries(off).isEmpty());

			assertThat(switchCallbacks("WRONG_SECRET", projectToken())).isEqualTo(200);
			String wrongSecret = sessionWithOneVisit();
			await().atMost(EmulatedBrowser.PATIENCE).until(() -> !deliveries(wrongSecret).isEmpty());
			assertThat(deliveries(wrongSecret)).allSatisfy(
					(delivery) -> org.assertj.core.api.Assertions
						.assertThatThrownBy(() -> Hs256.verify(delivery.authorization().substring("Bearer ".length()),
								"callback-signing-secret"))
						.isInstanceOf(Hs256.InvalidToken.class));

			assertThat(switchCallbacks("WRONG_URL", projectToken())).isEqualTo(200);
			String wrongUrl = sessionWithOneVisit();
			await().during(java.time.Duration.ofSeconds(1))
				.atMost(java.time.Duration.ofSeconds(3))
				.until(() -> deliveries(wrongUrl).isEmpty());
			assertThat(switchCallbacks("NORMAL", projectToken())).isEqualTo(200);
			// the project is fixed while its callbacks are still retried: the retries
			// land
			await().atMost(EmulatedBrowser.PATIENCE).until(() -> events(wrongUrl).contains("sessionDestroyed"));
		}
		finally {
			switchCallbacks("NORMAL", projectToken());
		}
	}

	private String sessionWithOneVisit() throws Exception {
		String sessionId = this.sdk.createSession().getSessionId();
		try (EmulatedBrowser browser = EmulatedBrowser.connect(url(), KEY, sessionId,
				this.sdk.generateToken(sessionId))) {
			await().atMost(EmulatedBrowser.PATIENCE).until(() -> browser.connectionId() != null);
		}
		return sessionId;
	}

	private int switchCallbacks(String mode, String projectToken) throws Exception {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(url() + "/emulator/callbacks"))
			.header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\",\"delay\":\"PT0S\"}"));
		if (projectToken != null) {
			request.header("X-OPENTOK-AUTH", projectToken);
		}
		return java.net.http.HttpClient.newHttpClient()
			.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static String projectToken() {
		long now = System.currentTimeMillis() / 1000;
		return Hs256.sign(Map.of("iss", KEY, "ist", "project", "iat", now, "exp", now + 60, "jti",
				java.util.UUID.randomUUID().toString()), SECRET);
	}

	private List<CallbackReceiver.Delivery> deliveries(String sessionId) {
		return CALLBACKS.deliveries().stream().filter((d) -> d.text().contains(sessionId)).toList();
	}

	private List<String> events(String sessionId) {
		return deliveries(sessionId).stream()
			.filter(CallbackReceiver.Delivery::accepted)
			.map((d) -> JSON.readTree(d.body()).get("event").asString())
			.toList();
	}

	private JsonNode body(String sessionId, String event) {
		return deliveries(sessionId).stream()
			.map((d) -> JSON.readTree(d.body()))
			.filter((b) -> b.get("event").asString().equals(event))
			.findFirst()
			.orElseThrow();
	}

	private String url() {
		return "http://127.0.0.1:" + this.port;
	}

}
