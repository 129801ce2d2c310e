package org.callcenter.gateway.routing;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.callcenter.gateway.GatewayApplication;
import org.callcenter.gateway.GatewayTestBase;
import org.callcenter.testsupport.RealRedisConnection;
import org.callcenter.testsupport.StubHttpServer;
import org.callcenter.testsupport.StubHttpServer.Reply;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A queue-service instance whose last health check failed, the only one there is, still
 * gets requests: it may well be back (a restart between two health checks, here an hour
 * apart so the next check never comes), and answering 503 until the next check would turn
 * away requests the service can take.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.open-tok-api-key=12345678", "gateway.internal-secret=" + GatewayTestBase.SECRET,
				"spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.listener.auto-startup=false",
				"spring.cloud.loadbalancer.health-check.interval=1h" })
@AutoConfigureWebTestClient
@Import(RealRedisConnection.class)
class InstanceChoiceIT {

	/** Up, but its last health check said otherwise. */
	private static final StubHttpServer QUEUE_SERVICE = new StubHttpServer("/", 2,
			(request) -> request.path().equals("/actuator/health") ? new Reply(503, "{\"status\":\"DOWN\"}")
					: new Reply(201, "{\"id\":\"c1\"}"));

	@Autowired
	private WebTestClient http;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void queueService(DynamicPropertyRegistry registry) {
		registry.add("gateway.queue-service-urls", QUEUE_SERVICE::url);
		registry.add("gateway.callback-service-urls", QUEUE_SERVICE::url);
	}

	@AfterAll
	static void stop() {
		QUEUE_SERVICE.close();
	}

	@Test
	void whileNoInstancePassedItsHealthCheckRequestsStillGoToTheConfiguredOnes() {
		// the load balancer starts checking a service's health with its first request
		dial().exchange();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> QUEUE_SERVICE.received().stream().anyMatch((r) -> r.path().equals("/actuator/health")));
		QUEUE_SERVICE.clear();

		dial().exchange().expectStatus().isCreated();

		assertThat(QUEUE_SERVICE.received()).anyMatch((r) -> r.path().equals("/api/calls"));
	}

	private WebTestClient.RequestHeadersSpec<?> dial() {
		return this.http.post()
			.uri("/api/calls")
			.header("Origin", "http://localhost:" + this.port)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Ann\",\"reason\":\"help\",\"mode\":\"audioOnly\"}");
	}

}
