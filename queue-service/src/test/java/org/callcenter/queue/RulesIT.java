package org.callcenter.queue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.callcenter.queue.QueueClient.Reply;

import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input and illegal transitions get problem details and change nothing. Without the
 * session pool, so that every dial asks token-service and meets its failures
 * (SessionPoolIT tests dials from the pool).
 */
@TestPropertySource(properties = { "queue.namespace=rules", "queue.session-pool.size=0" })
class RulesIT extends QueueServiceTestBase {

	@Test
	void invalidDialsAreRefusedWith400AndChangeNothing() {
		this.api.goOnline("alice");
		String before = this.api.snapshot().body().toString();

		assertThat(this.api.dial("x".repeat(101)).status()).isEqualTo(400);
		assertThat(this.api.dial("Ann", "r".repeat(501), "audioVideo").status()).isEqualTo(400);
		assertThat(this.api.dial("Ann", "help", "hologram").status()).isEqualTo(400);
		assertThat(this.api.dial(" ").status()).isEqualTo(400);
		assertThat(this.api.send(HttpMethod.POST, "/api/calls", Map.of("name", "Ann"), this.api.asGateway()).status())
			.isEqualTo(400);
		assertThat(this.api.send(HttpMethod.POST, "/api/calls", "{\"name\":\"Ann\",", this.api.asGateway()).status())
			.isEqualTo(400);
		assertThat(this.api.send(HttpMethod.POST, "/api/calls", "[1,2]", this.api.asGateway()).status()).isEqualTo(400);
		// a dial that did not come through the gateway (and its rate limit) is refused
		assertThat(this.api.send(HttpMethod.POST, "/api/calls", Map.of("name", "Ann", "mode", "audioOnly")).status())
			.isEqualTo(401);
		Reply problem = this.api.dial("x".repeat(101));
		assertThat(problem.body().get("status").asInt()).isEqualTo(400);
		assertThat(problem.text("title")).isNotBlank();

		assertThat(this.api.snapshot().body().toString()).isEqualTo(before);
		assertThat(this.api.goOnline("bad id!").status()).isEqualTo(400);
		assertThat(this.api.status("not-a-call-id").status()).isEqualTo(400);
	}

	@Test
	void unknownCallsAndAgentsAre404() {
		String unknownCall = "00000000-0000-0000-0000-000000000000";
		this.api.goOnline("alice");

		assertThat(this.api.status(unknownCall).status()).isEqualTo(404);
		assertThat(this.api.status(unknownCall).problemType()).isEqualTo("urn:callcenter:problem:call-not-found");
		assertThat(this.api.leave(unknownCall).status()).isEqualTo(404);
		assertThat(this.api.accept("alice", unknownCall).status()).isEqualTo(404);
		assertThat(this.api.goOffline("nobody").status()).isEqualTo(404);
		assertThat(this.api.callers("nobody").status()).isEqualTo(404);
		assertThat(this.api.heartbeat("nobody").status()).isEqualTo(404);
	}

	@Test
	void anAgentCannotActOnAnotherAgentsCaller() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		this.api.goOnline("bruno");

		Reply refused = this.api.accept("bruno", ann.callId());

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.problemType()).isEqualTo("urn:callcenter:problem:not-your-caller");
		assertThat(this.api.end("bruno", ann.callId()).status()).isEqualTo(403);
		assertThat(this.api.status(ann.callId()).state()).isEqualTo("ASSIGNED");
	}

	@Test
	void illegalTransitionsAre409AndChangeNothing() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");

		assertThat(this.api.accept("alice", ann.callId()).problemType())
			.isEqualTo("urn:callcenter:problem:caller-not-connected");
		assertThat(this.api.hold("alice", ann.callId()).status()).isEqualTo(409);
		assertThat(this.api.resume("alice", ann.callId()).problemType())
			.isEqualTo("urn:callcenter:problem:call-not-on-hold");

		connectCaller(ann);
		this.api.accept("alice", ann.callId());
		assertThat(this.api.resume("alice", ann.callId()).status()).isEqualTo(409);
		assertThat(this.api.status(ann.callId()).state()).isEqualTo("ON_CALL");

		this.api.end("alice", ann.callId());
		assertThat(this.api.accept("alice", ann.callId()).problemType()).isEqualTo("urn:callcenter:problem:call-ended");
		assertThat(this.api.hold("alice", ann.callId()).status()).isEqualTo(409);

		this.api.goOffline("alice");
		assertThat(this.api.heartbeat("alice").problemType()).isEqualTo("urn:callcenter:problem:agent-offline");
	}

	@Test
	void agentEndpointsNeedTheAgentsOwnSignedIdentity() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");

		assertThat(this.api.send(HttpMethod.GET, "/api/agents/alice/callers", null).status()).isEqualTo(401);
		assertThat(this.api
			.send(HttpMethod.GET, "/api/agents/alice/callers", null,
					Map.of("X-Agent-Identity", "v1.AGENT.YWxpY2U.9999999999.forged"))
			.status()).isEqualTo(401);
		Reply asBruno = this.api.asAgent("bruno", HttpMethod.POST, "/api/agents/alice/callers/" + ann.callId() + "/end",
				null);
		assertThat(asBruno.status()).isEqualTo(403);
		assertThat(this.api.send(HttpMethod.GET, "/api/queue", null).status()).isEqualTo(401);
		assertThat(this.api.status(ann.callId()).state()).isEqualTo("ASSIGNED");
	}

	@Test
	void aCallerCanFollowAndLeaveOnlyItsOwnCall() {
		Reply ann = this.api.dial("Ann");
		Reply bob = this.api.dial("Bob");
		String bobsToken = bob.text("callerToken");

		assertThat(this.api.send(HttpMethod.GET, "/api/calls/" + ann.callId(), null).status()).isEqualTo(401);
		assertThat(this.api
			.send(HttpMethod.DELETE, "/api/calls/" + ann.callId(), null, Map.of("Authorization", "Bearer " + bobsToken))
			.status()).isEqualTo(403);
		assertThat(this.api
			.send(HttpMethod.GET, "/api/calls/" + bob.callId(), null, Map.of("Authorization", "Bearer " + bobsToken))
			.status()).isEqualTo(200);
		assertThat(this.api.status(ann.callId()).state()).isEqualTo("WAITING");
	}

	@Test
	void whenTokenServiceFailsADialIs502AndChangesNothing() {
		this.api.goOnline("alice");
		String before = this.api.snapshot().body().toString();
		TOKEN_SERVICE.failing(true);

		Reply failed = this.api.dial("Ann");

		assertThat(failed.status()).isEqualTo(502);
		assertThat(failed.problemType()).isEqualTo("urn:callcenter:problem:token-service-unavailable");
		assertThat(this.api.snapshot().body().toString()).isEqualTo(before);
	}

	@Test
	void whenTokenServiceFailsAnAcceptIs502AndTheCallStaysAsItWas() {
		this.api.goOnline("alice");
		Reply ann = this.api.dial("Ann");
		connectCaller(ann);
		TOKEN_SERVICE.failing(true);

		assertThat(this.api.accept("alice", ann.callId()).status()).isEqualTo(502);
		assertThat(this.api.status(ann.callId()).state()).isEqualTo("ASSIGNED");
	}

}
