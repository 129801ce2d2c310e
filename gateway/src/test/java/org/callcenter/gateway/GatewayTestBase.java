package org.callcenter.gateway;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import org.callcenter.testsupport.RealRedisConnection;
import org.callcenter.trust.SignedCredentials;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole gateway application on a free port, with its real sessions, rate limits and
 * sign-in throttle in a real Redis, and queue-service stood in by
 * {@link QueueServiceStub}. Kafka is not needed: the listeners that feed the event
 * streams stay stopped, and tests hand events to the streams directly. Every test class
 * that extends this shares one application context.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.open-tok-api-key=12345678", "gateway.internal-secret=" + GatewayTestBase.SECRET,
				"gateway.dials-per-second=1", "gateway.dial-burst=3", "gateway.heartbeat-interval=300ms",
				"spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.listener.auto-startup=false" })
@AutoConfigureWebTestClient
@Import(RealRedisConnection.class)
public abstract class GatewayTestBase {

	public static final String SECRET = "gateway-test-internal-secret";

	/** The demo agents' password (gateway.yml). */
	public static final String PASSWORD = "demo";

	public static final QueueServiceStub QUEUE_SERVICE = new QueueServiceStub();

	/** Signs and checks credentials as the services do, with the gateway's secret. */
	public static final SignedCredentials CREDENTIALS = new SignedCredentials(SECRET, Clock.systemUTC());

	@Autowired
	protected WebTestClient http;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void queueService(DynamicPropertyRegistry registry) {
		registry.add("gateway.queue-service-urls", QUEUE_SERVICE::url);
		registry.add("gateway.callback-service-urls", QUEUE_SERVICE::url);
		registry.add("gateway.stats-service-urls", QUEUE_SERVICE::url);
	}

	/**
	 * Each test starts with full dial buckets, no failed sign-ins and no requests seen.
	 */
	@BeforeEach
	void startAfresh() {
		for (String pattern : List.of("request_rate_limiter.*", "callcenter:gateway:sign-in-failures:*")) {
			this.redis.keys(pattern).flatMap(this.redis::delete).blockLast();
		}
		QUEUE_SERVICE.clear();
	}

	/** What a page of the gateway itself sends in {@code Origin}. */
	protected String ownOrigin() {
		return "http://localhost:" + this.port;
	}

	/** Signs in with the sign-in form; the session cookie's value. */
	protected String signIn(String agent) {
		ResponseCookie session = this.http.post()
			.uri("/login")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("username", agent).with("password", PASSWORD))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.FOUND)
			.expectHeader()
			.valueEquals("Location", "/agent.html")
			.returnResult(Void.class)
			.getResponseCookies()
			.getFirst("SESSION");
		assertThat(session).as("session cookie").isNotNull();
		return session.getValue();
	}

}
