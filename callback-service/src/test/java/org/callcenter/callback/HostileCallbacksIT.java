package org.callcenter.callback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.callcenter.contracts.calls.Topics;
import org.callcenter.contracts.sessions.SessionEvent;
import org.callcenter.testsupport.RealKafka;
import org.callcenter.testsupport.RealKafkaConnection;
import org.callcenter.testsupport.TopicRecorder;
import org.callcenter.testsupport.VonageSignatures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Malformed, hostile and unsigned callbacks get the right 4xx and publish nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "callbacks.signature-secret=" + HostileCallbacksIT.SECRET,
				"callbacks.project-api-key=12345678" })
@Import(RealKafkaConnection.class)
class HostileCallbacksIT {

	static final String SECRET = "short-secret";

	static final TopicRecorder<SessionEvent> TOPIC = new TopicRecorder<>(RealKafka.shared().bootstrapServers(),
			Topics.SESSION_EVENTS, SessionEvent.class);

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void malformedBodiesAre400AndPublishNothing() {
		String s = "1_hostile" + UUID.randomUUID().toString().replace("-", "");
		String ok = Callbacks.connection("connectionCreated", s, "c-1", "");
		Map<String, String> bodies = new LinkedHashMap<>();
		bodies.put("truncated JSON", ok.substring(0, ok.length() / 2));
		bodies.put("empty body", "");
		bodies.put("array", "[" + ok + "]");
		bodies.put("bare string", "\"connectionCreated\"");
		bodies.put("null", "null");
		bodies.put("trailing garbage", ok + " {}");
		bodies.put("missing session id", ok.replace("\"sessionId\":\"" + s + "\",", ""));
		bodies.put("numeric session id", ok.replace("\"" + s + "\"", "12345"));
		bodies.put("injected session id", ok.replace(s, s + "'; DROP TABLE x;--"));
		bodies.put("huge session id", ok.replace(s, s + "x".repeat(300)));
		bodies.put("missing event", ok.replace("\"event\":\"connectionCreated\",", ""));
		bodies.put("unknown event", ok.replace("connectionCreated", "hackerEvent"));
		bodies.put("numeric event", ok.replace("\"connectionCreated\"", "7"));
		bodies.put("string timestamp", ok.replace("1700000000123", "\"yesterday\""));
		bodies.put("negative timestamp", ok.replace("1700000000123", "-5"));
		bodies.put("fractional timestamp", ok.replace("1700000000123", "1700000000.5"));
		bodies.put("missing connection", Callbacks.session("connectionCreated", s).replace("}", ",\"timestamp\":1}"));
		bodies.put("connection is a string", ok.replaceFirst("\\{\"id\":\"c-1\".*\\}\\}$", "\"c-1\"}"));
		bodies.put("missing connection id", ok.replace("\"id\":\"c-1\",", ""));
		bodies.put("numeric connection id", ok.replace("\"c-1\"", "1"));
		bodies.put("numeric connection data", ok.replace("\"data\":\"\"", "\"data\":42"));
		bodies.put("huge connection data", ok.replace("\"data\":\"\"", "\"data\":\"" + "x".repeat(5000) + "\""));
		bodies.put("stream event without stream", ok.replace("connectionCreated", "streamCreated"));
		bodies.put("stream without connection",
				Callbacks.stream("streamCreated", s, "s-1", "c-1").replaceFirst("\"connection\":\\{[^}]*\\},", ""));
		bodies.put("numeric reason",
				Callbacks.connection("connectionDestroyed", s, "c-1", "").replace("\"clientDisconnected\"", "3"));

		List<String> wrong = new ArrayList<>();
		Callbacks callbacks = new Callbacks(this.port);
		bodies.forEach((name, body) -> {
			int status = callbacks.post(body, Callbacks.sign(body, SECRET, "Vonage"));
			if (status != 400) {
				wrong.add(name + " -> " + status);
			}
		});

		assertThat(bodies).hasSizeGreaterThanOrEqualTo(20);
		assertThat(wrong).isEmpty();
		assertNothingPublishedFor(s, callbacks);
	}

	@Test
	void unsignedOrBadlySignedCallbacksAre401AndOversizedOnes413() {
		String s = "1_hostile" + UUID.randomUUID().toString().replace("-", "");
		String body = Callbacks.connection("connectionCreated", s, "c-1", "");
		Callbacks callbacks = new Callbacks(this.port);

		assertThat(callbacks.post(body)).isEqualTo(401);
		assertThat(callbacks.post(body, Callbacks.sign(body, "another-secret", "Vonage"))).isEqualTo(401);
		assertThat(callbacks.post(body, Callbacks.sign(body, SECRET, "Mallory"))).isEqualTo(401);
		assertThat(callbacks.post(body.replace("c-1", "c-2"), Callbacks.sign(body, SECRET, "Vonage"))).isEqualTo(401);
		assertThat(callbacks.post(body, "Bearer not.a.jwt")).isEqualTo(401);
		assertThat(callbacks.post(body, "Bearer garbage")).isEqualTo(401);
		String huge = body.replace("\"data\":\"\"", "\"data\":\"" + "x".repeat(70_000) + "\"");
		assertThat(callbacks.post(huge, Callbacks.sign(huge, SECRET, "Vonage"))).isEqualTo(413);
		assertNothingPublishedFor(s, callbacks);
	}

	@Test
	void callbacksSignedWithAnotherSecretShowAsASignatureMismatchInHealthUntilAVerifiedOneArrives() {
		String s = "1_mismatch" + UUID.randomUUID().toString().replace("-", "");
		String body = Callbacks.connection("connectionCreated", s, "c-1", "");
		Callbacks callbacks = new Callbacks(this.port);

		assertThat(callbacks.post(body, Callbacks.sign(body, "another-projects-secret", "Vonage"))).isEqualTo(401);

		String health = callbacks.get("/actuator/health");
		assertThat(health).contains("\"sessionMonitoring\"")
			.contains("DEGRADED")
			.contains("signature does not match")
			.contains("OPENTOK_SIGNATURE_SECRET");
		assertThat(callbacks.post(body, Callbacks.sign(body, SECRET, "Vonage"))).isEqualTo(200);
		assertThat(callbacks.get("/actuator/health")).doesNotContain("DEGRADED")
			.doesNotContain("signature does not match");
	}

	@Test
	void staleFutureUndatedAndNullHeaderSignaturesAre401AndAnotherProjectsBody403() {
		String s = "1_fresh" + UUID.randomUUID().toString().replace("-", "");
		String body = Callbacks.connection("connectionCreated", s, "c-1", "");
		Callbacks callbacks = new Callbacks(this.port);
		long now = System.currentTimeMillis() / 1000;
		String hash = sha256(body);

		assertThat(callbacks.post(body, VonageSignatures.authorization(body, SECRET, "Vonage", now - 25 * 3600, "old")))
			.isEqualTo(401);
		assertThat(callbacks.post(body, VonageSignatures.authorization(body, SECRET, "Vonage", now + 3600, "future")))
			.isEqualTo(401);
		assertThat(callbacks.post(body,
				"Bearer " + VonageSignatures
					.jwt("{\"jti\":\"undated\",\"iss\":\"Vonage\",\"payload_hash\":\"" + hash + "\"}", SECRET)))
			.isEqualTo(401);
		String nullHeader = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("null".getBytes());
		String claims = VonageSignatures.jwt("{}", SECRET).split("\\.")[1];
		assertThat(callbacks.post(body, "Bearer " + nullHeader + "." + claims + ".c2ln")).isEqualTo(401);
		String foreignBody = body.replace("\"projectId\":\"12345678\"", "\"projectId\":\"999\"");
		assertThat(callbacks.post(foreignBody, Callbacks.sign(foreignBody, SECRET, "Vonage"))).isEqualTo(403);
		assertNothingPublishedFor(s, callbacks);
	}

	@Test
	void aReplayedSignedCallbackIsAnsweredButPublishedOnce() {
		String s = "1_replay" + UUID.randomUUID().toString().replace("-", "");
		String body = Callbacks.connection("connectionCreated", s, "c-1", "");
		Callbacks callbacks = new Callbacks(this.port);
		String signature = Callbacks.sign(body, SECRET, "Vonage");

		assertThat(callbacks.post(body, signature)).isEqualTo(200);
		assertThat(callbacks.post(body, signature)).isEqualTo(200);
		assertThat(callbacks.post(body, signature)).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> TOPIC.received().stream().anyMatch((r) -> s.equals(r.key())));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.until(() -> TOPIC.received().stream().filter((r) -> s.equals(r.key())).count() == 1);
		assertThat(this.meters.find("callcenter.callbacks.replayed").counter().count()).isGreaterThanOrEqualTo(2);
	}

	private static String sha256(String body) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aCorrectlySignedCallbackWithOrWithoutBearerIsAccepted() {
		String s = "1_signed" + UUID.randomUUID().toString().replace("-", "");
		String body = Callbacks.connection("connectionCreated", s, "c-1", "");
		Callbacks callbacks = new Callbacks(this.port);

		assertThat(callbacks.post(body, Callbacks.sign(body, SECRET, "Vonage"))).isEqualTo(200);
		assertThat(callbacks.post(body, Callbacks.sign(body, SECRET, "Vonage").substring("Bearer ".length())))
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> TOPIC.received().stream().filter((r) -> s.equals(r.key())).count() == 2);
	}

	/** A later valid callback of the same session lands; nothing before it did. */
	private void assertNothingPublishedFor(String sessionId, Callbacks callbacks) {
		String marker = Callbacks.connection("connectionCreated", sessionId, "marker", "");
		assertThat(callbacks.post(marker, Callbacks.sign(marker, SECRET, "Vonage"))).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> TOPIC.received().stream().anyMatch((r) -> sessionId.equals(r.key())));
		assertThat(TOPIC.received().stream().filter((r) -> sessionId.equals(r.key())))
			.extracting((r) -> r.value().connectionId())
			.containsExactly("marker");
		assertThat(this.meters.find("callcenter.callbacks.rejected").counters()).isNotEmpty();
	}

}
