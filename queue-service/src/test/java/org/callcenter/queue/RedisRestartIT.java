package org.callcenter.queue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.callcenter.queue.QueueClient.Reply;
import org.callcenter.testsupport.RealKafkaConnection;
import org.callcenter.testsupport.RealRedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis as the suite runs it (append-only file, synced every second) crashes and comes
 * back: every call and agent is there again, and queue-service works on without a restart
 * of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "queue.namespace=restart")
@DirtiesContext
@Import(RealKafkaConnection.class)
class RedisRestartIT {

	static final RealRedis OWN_REDIS = RealRedis.persistent(dataDirectory());

	static final TokenServiceStub TOKEN_SERVICE = new TokenServiceStub();

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", OWN_REDIS::host);
		registry.add("spring.data.redis.port", OWN_REDIS::port);
		registry.add("queue.token-service-urls", TOKEN_SERVICE::url);
		registry.add("queue.internal-secret", () -> QueueClient.SECRET);
	}

	@AfterAll
	static void stopRedis() {
		OWN_REDIS.stop();
		TOKEN_SERVICE.close();
	}

	@Test
	void afterRedisCrashesAndRestartsEveryCallAndAgentIsBackFromTheAppendOnlyFile() throws Exception {
		QueueClient api = new QueueClient("http://127.0.0.1:" + this.port);
		api.goOnline("alice");
		Reply ann = api.dial("Ann");
		Reply bob = api.dial("Bob");
		assertThat(ann.status()).isEqualTo(201);
		Thread.sleep(1500); // appendfsync everysec: what a crash may lose is the last
							// second

		OWN_REDIS.crash(redisProcessId());
		assertThat(api.status(ann.callId()).status()).isEqualTo(503);
		OWN_REDIS.restart();

		await().atMost(Duration.ofSeconds(30)).until(() -> api.status(ann.callId()).status() == 200);
		assertThat(api.status(ann.callId()).agentId()).isEqualTo("alice");
		assertThat(api.status(bob.callId()).agentId()).isEqualTo("alice");
		assertThat(api.callers("alice").status()).isEqualTo(200);
		assertThat(api.heartbeat("alice").status()).isEqualTo(200); // still online
		Reply cid = api.dial("Cid");
		assertThat(cid.status()).isEqualTo(201);
		assertThat(cid.agentId()).isEqualTo("alice");
	}

	private long redisProcessId() {
		Properties server = this.redis.execute(
				(RedisCallback<Properties>) (RedisConnection connection) -> connection.serverCommands().info("server"));
		return Long.parseLong(server.getProperty("process_id"));
	}

	private static Path dataDirectory() {
		try {
			return Files.createTempDirectory("redis-aof");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
