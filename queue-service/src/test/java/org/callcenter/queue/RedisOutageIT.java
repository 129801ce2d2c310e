package org.callcenter.queue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.callcenter.queue.QueueClient.Reply;
import org.callcenter.testsupport.RealKafkaConnection;
import org.callcenter.testsupport.RealRedis;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With its Redis gone, queue-service answers 503 problem details instead of failing
 * obscurely.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "queue.namespace=outage")
@DirtiesContext
@Import(RealKafkaConnection.class)
class RedisOutageIT {

	static final RealRedis OWN_REDIS = RealRedis.startNew();

	static final TokenServiceStub TOKEN_SERVICE = new TokenServiceStub();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", OWN_REDIS::host);
		registry.add("spring.data.redis.port", OWN_REDIS::port);
		registry.add("queue.token-service-urls", TOKEN_SERVICE::url);
		registry.add("queue.internal-secret", () -> QueueClient.SECRET);
	}

	@AfterAll
	static void stopRedis() {
		if (OWN_REDIS.isRunning()) {
			OWN_REDIS.stop();
		}
		TOKEN_SERVICE.close();
	}

	@Test
	void whenRedisIsDownRequestsGet503AndLeakNothing() {
		QueueClient api = new QueueClient("http://127.0.0.1:" + this.port);
		Reply ann = api.dial("Ann");
		assertThat(ann.status()).isEqualTo(201);

		OWN_REDIS.stop();

		Reply status = api.status(ann.callId());
		assertThat(status.status()).isEqualTo(503);
		assertThat(status.problemType()).isEqualTo("urn:callcenter:problem:queue-store-unavailable");
		assertThat(api.goOnline("alice").status()).isEqualTo(503);
		assertThat(api.dial("Bob").status()).isEqualTo(503);
		assertThat(status.body().toString()).doesNotContain("Exception").doesNotContain("127.0.0.1");
	}

}
