package org.callcenter.queue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.callcenter.queue.QueueClient.Reply;
import org.callcenter.localinfra.FreePorts;
import org.callcenter.testsupport.RealKafkaConnection;
import org.callcenter.testsupport.RealRedisConnection;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two token-service instances, the first of them down: calls that start at it (every
 * other one, in turn) are refused there and go on to the one that is up, so callers and
 * agents notice nothing. Each request carries queue-service's signed identity.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// no session pool: each dial asks for its session and its token, so the requests
		// can
		// be counted
		properties = { "queue.namespace=token-instances", "queue.session-pool.size=0" })
@Import({ RealRedisConnection.class, RealKafkaConnection.class })
class TokenServiceInstancesIT {

	static final TokenServiceStub TOKEN_SERVICE = new TokenServiceStub();

	/** Nothing listens there: a connection is refused at once. */
	static final String DOWN = "http://127.0.0.1:" + FreePorts.next();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("queue.token-service-urls", () -> DOWN + "," + TOKEN_SERVICE.url());
		registry.add("queue.internal-secret", () -> QueueClient.SECRET);
	}

	@AfterAll
	static void stopTokenService() {
		TOKEN_SERVICE.close();
	}

	@Test
	void aRefusedInstanceIsSkippedAndEveryRequestSaysItComesFromQueueService() {
		QueueClient api = new QueueClient("http://127.0.0.1:" + this.port);

		for (String name : new String[] { "Ann", "Bob", "Cid", "Dee" }) {
			Reply dialed = api.dial(name);
			assertThat(dialed.status()).isEqualTo(201);
			assertThat(dialed.body().at("/session/token").asString()).isEqualTo(TokenServiceStub
				.tokenFor(dialed.body().at("/session/sessionId").asString(), "caller", dialed.callId()));
		}

		assertThat(TOKEN_SERVICE.sessionsCreated()).isEqualTo(4);
		assertThat(TOKEN_SERVICE.senders()).hasSize(8).containsOnly("queue-service");
	}

}
