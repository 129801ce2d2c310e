package org.callcenter.stats;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.callcenter.contracts.agents.AgentEvent;
import org.callcenter.contracts.agents.AgentEvent.AgentEventType;
import org.callcenter.contracts.agents.AgentState;
import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.CallState;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.testsupport.RealKafka;
import org.callcenter.testsupport.RealKafkaConnection;
import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service in one JVM share the work of one application id on a real
 * broker (4 partitions a topic): the center's figures live on one of them, the quarter
 * hours and agents are spread over both; each instance answers the same complete figures,
 * forwarding to the other what it does not hold.
 */
class TwoInstancesIT {

	private static final String SECRET = "stats-service-test-secret";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SignedCredentials credentials = new SignedCredentials(SECRET, Clock.systemUTC());

	private final String applicationId = "stats-two-" + UUID.randomUUID();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void bothInstancesAnswerTheSameCompleteFigures(@TempDir Path stateDirs) throws Exception {
		Instant base = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
		try (KafkaProducer<String, String> kafka = producer()) {
			for (int agent = 0; agent < 4; agent++) {
				agent(kafka, "agent-" + agent, 1, base.minusSeconds(60), AgentState.AVAILABLE, null);
			}
			// eight calls, two per agent: answered after 5 s, talked 60 s
			for (int i = 0; i < 8; i++) {
				Instant dialed = base.plusSeconds(i * 600L);
				String callId = "call-" + i;
				String agentId = "agent-" + (i % 4);
				call(kafka, callId, 1, dialed, CallEventType.QUEUED, CallState.WAITING, null, null);
				call(kafka, callId, 2, dialed.plusSeconds(5), CallEventType.ACCEPTED, CallState.ON_CALL, agentId, null);
				call(kafka, callId, 3, dialed.plusSeconds(65), CallEventType.ENDED, CallState.ENDED, agentId,
						CallEventReason.AGENT_ENDED);
			}
			// agent-0 wraps its first call up for 20 s
			agent(kafka, "agent-0", 2, base.plusSeconds(65), AgentState.WRAP_UP, base.plusSeconds(95));
			agent(kafka, "agent-0", 3, base.plusSeconds(85), AgentState.AVAILABLE, null);
			// two callers give up after 30 s
			for (int i = 0; i < 2; i++) {
				Instant dialed = base.plusSeconds(300 + i * 3600L);
				call(kafka, "gone-" + i, 1, dialed, CallEventType.QUEUED, CallState.WAITING, null, null);
				call(kafka, "gone-" + i, 2, dialed.plusSeconds(30), CallEventType.ENDED, CallState.ENDED, null,
						CallEventReason.CALLER_LEFT);
			}
			kafka.flush();
		}

		List<RestClient> apis = new ArrayList<>();
		for (String name : List.of("one", "two")) {
			ConfigurableApplicationContext instance = start(freePort(), stateDirs.resolve(name));
			this.instances.add(instance);
			apis.add(RestClient.builder()
				.baseUrl("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port"))
				.build());
		}

		String intervals = "/api/stats/intervals?from=" + base.minus(Duration.ofHours(1)) + "&to="
				+ base.plus(Duration.ofHours(3)) + "&size=PT1H";
		List<JsonNode> lives = new ArrayList<>();
		List<JsonNode> agents = new ArrayList<>();
		List<JsonNode> hours = new ArrayList<>();
		String agentIntervals = "/api/stats/agents/intervals?from=" + base.minus(Duration.ofHours(1)) + "&to="
				+ base.plus(Duration.ofHours(3)) + "&size=PT1H";
		List<JsonNode> agentHours = new ArrayList<>();
		// asked until each answers every event's part (partitions are processed in any
		// order)
		for (RestClient api : apis) {
			lives
				.add(await().atMost(Duration.ofSeconds(90))
					.until(() -> get(api, "/api/stats/live"), (live) -> live != null
							&& live.at("/total/offered").asLong() == 10 && live.at("/total/abandoned").asLong() == 2
							&& live.at("/total/handled").asLong() == 8 && live.at("/total/wrapUps").asLong() == 1));
			agents
				.add(await().atMost(Duration.ofSeconds(30))
					.until(() -> get(api, "/api/stats/agents"), (list) -> list != null && list.size() == 4
							&& list.findValues("state").stream().allMatch(JsonNode::isString)
							&& list.findValues("answered").stream().allMatch((answered) -> answered.asLong() == 2)
							&& list.findValues("wrapUps").stream().mapToLong(JsonNode::asLong).sum() == 1));
			hours.add(await().atMost(Duration.ofSeconds(30))
				.until(() -> get(api, intervals), (list) -> list != null
						&& list.findValues("offered").stream().mapToLong(JsonNode::asLong).sum() == 10));
			agentHours.add(await().atMost(Duration.ofSeconds(30))
				.until(() -> get(api, agentIntervals),
						(list) -> list != null && list.size() == 4
								&& list.findValues("answered").stream().mapToLong(JsonNode::asLong).sum() == 8
								&& list.findValues("wrapUps").stream().mapToLong(JsonNode::asLong).sum() == 1));
		}

		JsonNode total = lives.get(0).get("total");
		assertThat(total.get("offered").asLong()).isEqualTo(10);
		assertThat(total.get("answered").asLong()).isEqualTo(8);
		assertThat(total.get("abandoned").asLong()).isEqualTo(2);
		assertThat(total.get("serviceLevel").asDouble()).isEqualTo(0.8);
		assertThat(total.get("averageSpeedOfAnswerSeconds").asDouble()).isEqualTo(5.0);
		assertThat(total.get("averageHandleSeconds").asDouble()).isEqualTo((8 * 60 + 20) / 8.0);
		assertThat(lives.get(1).get("total")).isEqualTo(total);
		assertThat(lives.get(1).get("waitingNow")).isEqualTo(lives.get(0).get("waitingNow"));

		JsonNode agent0 = agents.get(0).get(0);
		assertThat(agent0.get("agentId").asString()).isEqualTo("agent-0");
		assertThat(agent0.get("answered").asLong()).isEqualTo(2);
		assertThat(agent0.get("handleSeconds").asLong()).isEqualTo(140);
		assertThat(agent0.get("wrapUpSeconds").asLong()).isEqualTo(20);
		assertThat(agents.get(0).findValues("answered")).allMatch((answered) -> answered.asLong() == 2);
		assertThat(withoutTimeInState(agents.get(1))).isEqualTo(withoutTimeInState(agents.get(0)));

		assertThat(hours.get(0).findValues("offered").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(10);
		// calls from the hour's start every 10 minutes, callers giving up at 0:05 and
		// 1:05
		assertThat(hours.get(0).findValues("offered")).extracting(JsonNode::asLong).containsExactly(7L, 3L);
		assertThat(hours.get(1)).isEqualTo(hours.get(0));

		// per agent and hour: agent-0's two calls (at 0:00 and 0:40) and its wrap-up
		JsonNode agent0Hours = agentHours.get(0).get(0);
		assertThat(agent0Hours.get("agentId").asString()).isEqualTo("agent-0");
		assertThat(agent0Hours.get("intervals")).singleElement().satisfies((hour) -> {
			assertThat(hour.get("start").asString()).isEqualTo(base.toString());
			assertThat(hour.at("/figures/answered").asLong()).isEqualTo(2);
			assertThat(hour.at("/figures/handleSeconds").asLong()).isEqualTo(140);
			assertThat(hour.at("/figures/wrapUps").asLong()).isEqualTo(1);
		});
		assertThat(agentHours.get(1)).isEqualTo(agentHours.get(0));
		// and agent-0's own figures: its totals, and today those of its calls since
		// midnight UTC (the default stats.time-zone)
		Instant midnight = Instant.now().truncatedTo(ChronoUnit.DAYS);
		long today = Stream.of(base, base.plusSeconds(2400)).filter((dialed) -> !dialed.isBefore(midnight)).count();
		for (RestClient api : apis) {
			JsonNode own = await().atMost(Duration.ofSeconds(30))
				.until(() -> get(api, "/api/agents/agent-0/stats", false, "agent-0"), Objects::nonNull);
			assertThat(own.get("answered").asLong()).isEqualTo(2);
			assertThat(own.at("/today/answered").asLong()).isEqualTo(today);
		}

		// the center's figures live on one instance only, so the other forwarded /live;
		// and the agents' stores are spread, so at least one gathered /agents
		// (asked until both answer: a rebalance may still settle)
		List<Long> centerOffered = await().atMost(Duration.ofSeconds(30))
			.until(() -> apis.stream().map((api) -> get(api, "/api/stats/parts/center", true)).toList(),
					(centers) -> centers.stream().allMatch((center) -> center != null))
			.stream()
			.map((center) -> center.at("/figures/offered").asLong())
			.toList();
		assertThat(centerOffered).containsExactlyInAnyOrder(10L, 0L);
		List<JsonNode> localAgents = apis.stream().map((api) -> get(api, "/api/stats/parts/agents", true)).toList();
		assertThat(localAgents).anyMatch((local) -> local != null
				&& local.findValues("answered").stream().filter((answered) -> answered.asLong() > 0).count() < 4);
		// only with the signed identity, and only when marked as asked by another
		// instance
		assertThat(status(apis.get(0), "/api/stats/parts/agents", null, "true")).isEqualTo(401);
		assertThat(status(apis.get(0), "/api/stats/parts/agents", identity(), null)).isEqualTo(404);
	}

	private static JsonNode withoutTimeInState(JsonNode agents) {
		JsonNode copy = agents.deepCopy();
		copy.forEach((agent) -> ((ObjectNode) agent).remove("secondsInState"));
		return copy;
	}

	private ConfigurableApplicationContext start(int port, Path stateDir) throws IOException {
		Files.createDirectories(stateDir);
		return new SpringApplicationBuilder(StatsServiceApplication.class, RealKafkaConnection.class).run(
				"--server.port=" + port, "--stats.application-server=127.0.0.1:" + port,
				"--stats.internal-secret=" + SECRET, "--spring.kafka.streams.application-id=" + this.applicationId,
				"--spring.kafka.streams.state-dir=" + stateDir,
				"--spring.kafka.streams.properties.commit.interval.ms=100",
				"--spring.kafka.streams.properties.session.timeout.ms=6000",
				"--spring.kafka.streams.properties.heartbeat.interval.ms=1000", "--management.tracing.enabled=false");
	}

	private String identity() {
		return identity("carol");
	}

	private String identity(String agentId) {
		return this.credentials.issue(Purpose.AGENT, agentId, Duration.ofMinutes(1));
	}

	/** The body of a 200 answer; null while the figures are not queryable (503). */
	private JsonNode get(RestClient api, String path) {
		return get(api, path, false);
	}

	/**
	 * @param local asked as another instance asks: what the instance's own stores hold
	 */
	private JsonNode get(RestClient api, String path, boolean local) {
		return get(api, path, local, "carol");
	}

	private JsonNode get(RestClient api, String path, boolean local, String agentId) {
		return api.get().uri(path).header(SignedCredentials.AGENT_HEADER, identity(agentId)).headers((headers) -> {
			if (local) {
				headers.set("X-Stats-Local", "true");
			}
		})
			.exchange((request, response) -> response.getStatusCode().is2xxSuccessful()
					? JSON.readTree(response.getBody()) : null);
	}

	private static int status(RestClient api, String path, String identity, String local) {
		return api.get().uri(path).headers((headers) -> {
			if (identity != null) {
				headers.set(SignedCredentials.AGENT_HEADER, identity);
			}
			if (local != null) {
				headers.set("X-Stats-Local", local);
			}
		}).exchange((request, response) -> response.getStatusCode().value());
	}

	private static void call(KafkaProducer<String, String> kafka, String callId, long seq, Instant at,
			CallEventType type, CallState state, String agentId, CallEventReason reason) {
		CallEvent event = new CallEvent(callId + ":" + seq, callId, seq, type, state, agentId, null, "s-" + callId,
				true, reason, false, at);
		kafka.send(new ProducerRecord<>(Topics.CALL_EVENTS, callId, JSON.writeValueAsString(event)));
	}

	private static void agent(KafkaProducer<String, String> kafka, String agentId, long seq, Instant at,
			AgentState state, Instant wrapUpUntil) {
		AgentEventType type = (seq == 1) ? AgentEventType.ONLINE : AgentEventType.STATE_CHANGED;
		kafka.send(new ProducerRecord<>(Topics.AGENT_EVENTS, agentId, JSON.writeValueAsString(
				new AgentEvent(agentId + ":" + seq, agentId, seq, type, null, 4, at, 1, state, null, wrapUpUntil))));
	}

	private static KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.shared().bootstrapServers()),
				new StringSerializer(), new StringSerializer());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
