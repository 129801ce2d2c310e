package org.callcenter.queue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.callcenter.queue.QueueClient.Reply;

import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Callers that never connect expire; agents whose console went silent go offline. */
@TestPropertySource(properties = { "queue.namespace=housekeeping", "queue.connect-timeout=1s",
		"queue.agent-grace-period=1s", "queue.sweep-interval=200ms" })
class HousekeepingIT extends QueueServiceTestBase {

	@Test
	void aCallerWhoNeverConnectsExpiresAndFreesItsAgent() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");

		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
			this.api.heartbeat("alice");
			return "ENDED".equals(this.api.status(ann.callId()).state());
		});

		assertThat(this.api.status(ann.callId()).call().get("endReason").asString()).isEqualTo("neverConnected");
		assertThat(this.api.snapshot().body().at("/agents/0/rankedLoad").asInt()).isZero();
	}

	@Test
	void aConnectedCallerDoesNotExpire() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		connectCaller(ann);

		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				this.api.heartbeat("alice");
				return "ASSIGNED".equals(this.api.status(ann.callId()).state());
			});
	}

	@Test
	void anAgentWhoseConsoleWentSilentGoesOfflineAndItsCallersMove() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		connectCaller(ann);
		this.api.goOnline("bruno");

		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
			this.api.heartbeat("bruno"); // only bruno's console is still there
			return this.api.status(ann.callId()).agentId().equals("bruno");
		});

		assertThat(this.api.heartbeat("alice").problemType()).isEqualTo("urn:callcenter:problem:agent-offline");
		assertThat(this.api.callers("bruno").ids()).containsExactly(ann.callId());
	}

	@Test
	void timeWhenTheWholeServiceWasDownDoesNotCountAsAnAgentsSilence() {
		this.api.goOnline("carla");
		String space = this.properties.keySpace();
		long aMinuteAgo = System.currentTimeMillis() - 60_000;
		// as after an outage: nothing swept for a minute, and no heartbeat could be
		// recorded meanwhile
		this.redis.execute(
				RedisScript.of("redis.call('SET', KEYS[1], ARGV[1]); "
						+ "redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2]); return 1", Long.class),
				List.of(space + ":sweep:last", space + ":agents:seen"), String.valueOf(aMinuteAgo), "carla");

		await().during(Duration.ofMillis(800))
			.atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> online("carla"));

		// a console that stays silent after the service is back still goes offline
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> !online("carla"));
	}

	/** Read without a heartbeat, which would itself count as the console being there. */
	private boolean online(String agentId) {
		for (tools.jackson.databind.JsonNode agent : this.api.snapshot().body().get("agents")) {
			if (agent.get("id").asString().equals(agentId)) {
				return agent.get("online").asBoolean();
			}
		}
		return false;
	}

}
