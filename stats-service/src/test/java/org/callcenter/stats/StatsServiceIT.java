package org.callcenter.stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service on a real Kafka broker: events in, figures out of the REST API; stopped and
 * started again on an empty state directory, it restores the same figures from its
 * changelog topics.
 */
class StatsServiceIT {

	private static final String SECRET = "stats-service-test-secret";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SignedCredentials credentials = new SignedCredentials(SECRET, Clock.systemUTC());

	/**
	 * Its own consumer group and internal topics: a run's earlier instances stay apart.
	 */
	private final String applicationId = "stats-it-" + UUID.randomUUID();

	private ConfigurableApplicationContext service;

	@AfterEach
	void stop() {
		if (this.service != null) {
			this.service.close();
		}
	}

	@Test
	void figuresFromRealEventsSurviveARestart(@TempDir Path stateDirs) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Instant dialed = Instant.now().minusSeconds(120);
		try (KafkaProducer<String, String> kafka = producer()) {
			// answered after 12 s, handled for 60 s; abandoned after 30 s; waiting since
			call(kafka, run + "-a", 1, dialed, CallEventType.QUEUED, CallState.WAITING, null, null);
			call(kafka, run + "-a", 2, dialed.plusSeconds(12), CallEventType.ACCEPTED, CallState.ON_CALL, "alice",
					null);
			call(kafka, run + "-a", 2, dialed.plusSeconds(12), CallEventType.ACCEPTED, CallState.ON_CALL, "alice",
					null);
			call(kafka, run + "-a", 3, dialed.plusSeconds(72), CallEventType.ENDED, CallState.ENDED, "alice",
					CallEventReason.AGENT_ENDED);
			call(kafka, run + "-b", 1, dialed, CallEventType.QUEUED, CallState.WAITING, null, null);
			call(kafka, run + "-b", 2, dialed.plusSeconds(30), CallEventType.ENDED, CallState.ENDED, null,
					CallEventReason.CALLER_LEFT);
			call(kafka, run + "-c", 1, dialed.plusSeconds(60), CallEventType.QUEUED, CallState.WAITING, null, null);
			kafka.send(
					new ProducerRecord<>(Topics.AGENT_EVENTS, "alice", JSON.writeValueAsString(new AgentEvent("alice:1",
							"alice", 1, AgentEventType.ONLINE, null, 1, dialed, 1, AgentState.AVAILABLE, null, null))));
			kafka.flush();
		}

		this.service = start(stateDirs.resolve("first"));
		RestClient api = api(this.service);
		JsonNode live = await().atMost(Duration.ofSeconds(60))
			.until(() -> get(api, "/api/stats/live"), (body) -> body != null && body.at("/total/offered").asLong() == 3
					&& body.at("/total/handled").asLong() == 1);
		assertThat(live.at("/total/answered").asLong()).isEqualTo(1);
		assertThat(live.at("/total/abandoned").asLong()).isEqualTo(1);
		assertThat(live.at("/total/averageSpeedOfAnswerSeconds").asDouble()).isEqualTo(12.0);
		assertThat(live.at("/total/averageHandleSeconds").asDouble()).isEqualTo(60.0);
		assertThat(live.at("/total/serviceLevel").asDouble()).isEqualTo(0.5);
		assertThat(live.at("/waitingNow").asInt()).isEqualTo(1);
		assertThat(live.at("/longestWaitSeconds").asLong()).isGreaterThanOrEqualTo(60);
		JsonNode agents = await().atMost(Duration.ofSeconds(30))
			.until(() -> get(api, "/api/stats/agents"),
					(body) -> body != null && body.size() == 1 && "AVAILABLE".equals(body.at("/0/state").asString()));
		assertThat(agents.at("/0/agentId").asString()).isEqualTo("alice");
		assertThat(agents.at("/0/answered").asLong()).isEqualTo(1);
		assertThat(agents.at("/0/handleSeconds").asLong()).isEqualTo(60);
		JsonNode intervals = get(api,
				"/api/stats/intervals?from=" + dialed.minusSeconds(3600) + "&to=" + Instant.now().plusSeconds(900));
		assertThat(intervals.findValues("offered").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(3);
		HttpStatusCode unsigned = api.get()
			.uri("/api/stats/live")
			.exchange((request, response) -> response.getStatusCode());
		assertThat(unsigned.value()).isEqualTo(401);
		this.service.close();

		// a new instance with nothing on disk: the stores come back from the changelogs
		this.service = start(stateDirs.resolve("second"));
		RestClient restarted = api(this.service);
		JsonNode again = await().atMost(Duration.ofSeconds(60))
			.until(() -> get(restarted, "/api/stats/live"), (body) -> body != null);
		assertThat(again.get("total")).isEqualTo(live.get("total"));
		assertThat(again.at("/waitingNow").asInt()).isEqualTo(1);

		// the report of the restarted instance, as the dashboard downloads it
		String query = "?from=" + dialed.minus(Duration.ofDays(2)) + "&to=" + Instant.now().plus(Duration.ofDays(1))
				+ "&size=P1D&zone=Europe/Paris";
		ResponseEntity<String> csv = restarted.get()
			.uri("/api/stats/intervals.csv" + query)
			.header(SignedCredentials.AGENT_HEADER, identity())
			.retrieve()
			.toEntity(String.class);
		assertThat(csv.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
		assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).matches(
				"attachment; filename=\"callcenter-\\d{4}-\\d\\d-\\d\\dT\\d{4}-\\d{4}-\\d\\d-\\d\\dT\\d{4}-P1D\\.csv\"");
		List<String> rows = csv.getBody().lines().toList();
		assertThat(rows.get(0)).startsWith("start,end,offered,answered,");
		assertThat(rows.subList(1, rows.size())).allMatch((row) -> row.matches("\\S+T00:00:00\\+0[12]:00,.*"));
		assertThat(rows.subList(1, rows.size()).stream().mapToLong((row) -> Long.parseLong(row.split(",")[2])).sum())
			.isEqualTo(3);
		JsonNode days = get(restarted, "/api/stats/intervals" + query);
		assertThat(days.findValues("offered").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(3);
		HttpStatusCode badSize = restarted.get()
			.uri("/api/stats/intervals.csv?size=PT2H")
			.header(SignedCredentials.AGENT_HEADER, identity())
			.exchange((request, response) -> response.getStatusCode());
		assertThat(badSize.value()).isEqualTo(400);

		// and the agents' report: alice's call in its Paris day (once its share has
		// come through the repartition topic, which the restarted instance may finish)
		ResponseEntity<String> agentsCsv = await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> restarted.get()
				.uri("/api/stats/agents/intervals.csv" + query)
				.header(SignedCredentials.AGENT_HEADER, identity())
				.retrieve()
				.toEntity(String.class), (response) -> response.getBody().contains(",1,60,60,0,0"));
		assertThat(agentsCsv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).matches(
				"attachment; filename=\"callcenter-agents-\\d{4}-\\d\\d-\\d\\dT\\d{4}-\\d{4}-\\d\\d-\\d\\dT\\d{4}-P1D\\.csv\"");
		List<String> agentRows = agentsCsv.getBody().lines().toList();
		assertThat(agentRows).hasSize(2);
		assertThat(agentRows.get(0)).startsWith("agentId,start,end,answered,");
		assertThat(agentRows.get(1)).matches("alice,\\S+T00:00:00\\+0[12]:00,\\S+T00:00:00\\+0[12]:00,1,60,60,0,0");
		HttpStatusCode badAgentsSize = restarted.get()
			.uri("/api/stats/agents/intervals?size=PT2H")
			.header(SignedCredentials.AGENT_HEADER, identity())
			.exchange((request, response) -> response.getStatusCode());
		assertThat(badAgentsSize.value()).isEqualTo(400);
	}

	private String identity() {
		return this.credentials.issue(Purpose.AGENT, "carol", Duration.ofMinutes(1));
	}

	@Test
	void eachChangeOfTheFiguresIsPublishedWithinASecond(@TempDir Path stateDirs) throws Exception {
		this.service = start(stateDirs);
		RestClient api = api(this.service);
		try (KafkaConsumer<String, String> published = consumer()) {
			// once running, the service publishes all its figures; the baseline is them
			// once the events' history (of this run's other tests) is read: pushed and
			// read
			// figures agree for a whole second
			JsonNode before = await().atMost(Duration.ofSeconds(60))
				.during(Duration.ofSeconds(1))
				.until(() -> latest(published, "live"), (live) -> {
					JsonNode read = get(api, "/api/stats/live");
					return live != null && read != null && live.get("total").equals(read.get("total"));
				});
			String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
			String callId = "push-" + UUID.randomUUID();

			long sent = System.nanoTime();
			try (KafkaProducer<String, String> kafka = producer()) {
				call(kafka, callId, 1, Instant.now(), CallEventType.QUEUED, CallState.WAITING, null, null);
				kafka.send(new ProducerRecord<>(Topics.AGENT_EVENTS, agent,
						JSON.writeValueAsString(new AgentEvent(agent + ":1", agent, 1, AgentEventType.ONLINE, null, 1,
								Instant.now(), 1, AgentState.AVAILABLE, null, null))));
				kafka.flush();
			}
			JsonNode live = await().atMost(Duration.ofSeconds(1))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> latest(published, "live"), (figures) -> figures != null
						&& figures.at("/total/offered").asLong() > before.at("/total/offered").asLong());
			System.out.printf("pushed within %d ms: %s after %s%n", (System.nanoTime() - sent) / 1_000_000,
					live.get("total"), before.get("total"));
			JsonNode pushedAgent = await().atMost(Duration.ofSeconds(1))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> latest(published, "agent:" + agent), (figures) -> figures != null);

			// the same JSON the REST API answers for it
			JsonNode read = get(api, "/api/stats/live");
			assertThat(fieldNames(live)).isEqualTo(fieldNames(read));
			assertThat(live.get("total")).isEqualTo(read.get("total"));
			JsonNode agents = get(api, "/api/stats/agents");
			JsonNode readAgent = agents.valueStream()
				.filter((entry) -> agent.equals(entry.at("/agentId").asString()))
				.findFirst()
				.orElseThrow();
			assertThat(fieldNames(pushedAgent)).isEqualTo(fieldNames(readAgent));
			assertThat(pushedAgent.at("/state").asString()).isEqualTo("AVAILABLE");
		}
	}

	/** The latest value of {@code key} published since the last look, or null. */
	private final Map<String, JsonNode> seen = new java.util.concurrent.ConcurrentHashMap<>();

	private JsonNode latest(KafkaConsumer<String, String> published, String key) {
		for (ConsumerRecord<String, String> record : published.poll(Duration.ofMillis(10))) {
			this.seen.put(record.key(), JSON.readTree(record.value()));
		}
		return this.seen.get(key);
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new java.util.ArrayList<>(node.propertyNames());
		java.util.Collections.sort(names);
		return names;
	}

	/** Reads the published figures from now on. */
	private static KafkaConsumer<String, String> consumer() {
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.shared().bootstrapServers()),
				new StringDeserializer(), new StringDeserializer());
		TopicPartition partition = new TopicPartition(Topics.STATS, 0);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !consumer.partitionsFor(Topics.STATS, Duration.ofSeconds(5)).isEmpty());
		consumer.assign(List.of(partition));
		consumer.seekToEnd(List.of(partition));
		consumer.position(partition);
		return consumer;
	}

	private ConfigurableApplicationContext start(Path stateDir) throws Exception {
		Files.createDirectories(stateDir);
		return new SpringApplicationBuilder(StatsServiceApplication.class, RealKafkaConnection.class).run(
				"--server.port=0", "--stats.internal-secret=" + SECRET,
				"--spring.kafka.streams.application-id=" + this.applicationId,
				"--spring.kafka.streams.state-dir=" + stateDir,
				// the stopped instance's membership lapses sooner than after the default
				// 45 s
				"--spring.kafka.streams.properties.session.timeout.ms=6000",
				"--spring.kafka.streams.properties.heartbeat.interval.ms=1000", "--management.tracing.enabled=false");
	}

	private RestClient api(ConfigurableApplicationContext service) {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"))
			.build();
	}

	/** The body of a 200 answer; null while the figures are not queryable (503). */
	private JsonNode get(RestClient api, String path) {
		return api.get()
			.uri(path)
			.header(SignedCredentials.AGENT_HEADER, identity())
			.exchange((request, response) -> response.getStatusCode().is2xxSuccessful()
					? JSON.readTree(response.getBody()) : null);
	}

	private static void call(KafkaProducer<String, String> kafka, String callId, long seq, Instant at,
			CallEventType type, CallState state, String agentId, CallEventReason reason) {
		CallEvent event = new CallEvent(callId + ":" + seq, callId, seq, type, state, agentId, null, "s-" + callId,
				true, reason, false, at);
		kafka.send(new ProducerRecord<>(Topics.CALL_EVENTS, callId, JSON.writeValueAsString(event)));
	}

	private static KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.shared().bootstrapServers()),
				new StringSerializer(), new StringSerializer());
	}

}
