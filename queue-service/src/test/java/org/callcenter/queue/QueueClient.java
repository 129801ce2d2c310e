package org.callcenter.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * queue-service's HTTP API as the gateway forwards it: agent requests carry the agent's
 * signed identity, a caller's requests the credential it got when dialing. Answers status
 * and body.
 */
final class QueueClient {

	/** The secret tests share with queue-service ({@code queue.internal-secret}). */
	static final String SECRET = "queue-service-test-secret";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SignedCredentials credentials;

	private final Map<String, String> callerTokens = new ConcurrentHashMap<>();

	private final RestClient http;

	QueueClient(String baseUrl) {
		this(baseUrl, Clock.systemUTC());
	}

	/**
	 * Signing credentials at the time of {@code clock}: queue-service's own, when a test
	 * sets it.
	 */
	QueueClient(String baseUrl, Clock clock) {
		this.http = RestClient.builder().baseUrl(baseUrl).build();
		this.credentials = new SignedCredentials(SECRET, clock);
	}

	Reply dial(String name) {
		return dial(name, "I need help", "audioVideo");
	}

	Reply dial(String name, String reason, String mode) {
		Reply reply = send(HttpMethod.POST, "/api/calls", Map.of("name", name, "reason", reason, "mode", mode),
				asGateway());
		if (reply.status() == 201) {
			this.callerTokens.put(reply.callId(), reply.text("callerToken"));
		}
		return reply;
	}

	/** Dials into a queue by its id. */
	Reply dialInto(String queue, String name) {
		Reply reply = send(HttpMethod.POST, "/api/calls",
				Map.of("name", name, "reason", "I need help", "mode", "audioVideo", "queue", queue), asGateway());
		if (reply.status() == 201) {
			this.callerTokens.put(reply.callId(), reply.text("callerToken"));
		}
		return reply;
	}

	/** The queues a caller may choose from, as the gateway asks for them. */
	Reply queues() {
		return send(HttpMethod.GET, "/api/queues", null, asGateway());
	}

	Reply status(String callId) {
		return send(HttpMethod.GET, "/api/calls/" + callId, null, callerHeader(callId));
	}

	Reply leave(String callId) {
		return send(HttpMethod.DELETE, "/api/calls/" + callId, null, callerHeader(callId));
	}

	/** The caller writes in its call's chat. */
	Reply callerWrites(String callId, String text) {
		return send(HttpMethod.POST, "/api/calls/" + callId + "/messages", Map.of("text", text), callerHeader(callId));
	}

	Reply callerReadsChat(String callId) {
		return send(HttpMethod.GET, "/api/calls/" + callId + "/messages", null, callerHeader(callId));
	}

	Reply agentWrites(String agentId, String callId, String text) {
		return asAgent(agentId, HttpMethod.POST, "/api/agents/" + agentId + "/callers/" + callId + "/messages",
				Map.of("text", text));
	}

	Reply agentReadsChat(String agentId, String callId) {
		return asAgent(agentId, HttpMethod.GET, "/api/agents/" + agentId + "/callers/" + callId + "/messages", null);
	}

	/** The caller's page confirms its connection, with the caller's own credential. */
	Reply confirmConnection(String callId, String connectionId) {
		return confirmConnection(callId, connectionId, callerHeader(callId));
	}

	Reply confirmConnection(String callId, String connectionId, Map<String, String> headers) {
		return send(HttpMethod.POST, "/api/calls/" + callId + "/connection", Map.of("connectionId", connectionId),
				headers);
	}

	/** As the gateway reports the callers whose pages are open. */
	Reply callersAlive(String... callIds) {
		return send(HttpMethod.PUT, "/api/callers/alive", java.util.List.of(callIds), asGateway());
	}

	/**
	 * The gateway's own signed identity, which dials and reports about callers' pages
	 * need.
	 */
	Map<String, String> asGateway() {
		return Map.of(SignedCredentials.SERVICE_HEADER,
				this.credentials.issue(Purpose.SERVICE, "gateway", Duration.ofMinutes(1)));
	}

	/** A caller credential for {@code callId}, to present on another call. */
	Map<String, String> credentialOf(String callId) {
		return callerHeader(callId);
	}

	Reply goOnline(String agentId) {
		return asAgent(agentId, HttpMethod.PUT, "/api/agents/" + agentId, Map.of("displayName", "Agent " + agentId));
	}

	Reply goOffline(String agentId) {
		return asAgent(agentId, HttpMethod.DELETE, "/api/agents/" + agentId, null);
	}

	Reply heartbeat(String agentId) {
		return asAgent(agentId, HttpMethod.PUT, "/api/agents/" + agentId + "/heartbeat", null);
	}

	Reply callers(String agentId) {
		return asAgent(agentId, HttpMethod.GET, "/api/agents/" + agentId + "/callers", null);
	}

	Reply accept(String agentId, String callId) {
		return callAction(agentId, callId, "accept");
	}

	Reply resume(String agentId, String callId) {
		return callAction(agentId, callId, "resume");
	}

	Reply decline(String agentId, String callId) {
		return callAction(agentId, callId, "decline");
	}

	Reply hold(String agentId, String callId) {
		return callAction(agentId, callId, "hold");
	}

	Reply end(String agentId, String callId) {
		return callAction(agentId, callId, "end");
	}

	/** Ends with an outcome and notes (either may be absent from the map). */
	Reply end(String agentId, String callId, Map<String, String> notes) {
		return asAgent(agentId, HttpMethod.POST, "/api/agents/" + agentId + "/callers/" + callId + "/end", notes);
	}

	Reply wrapUp(String agentId, String callId, Map<String, String> notes) {
		return asAgent(agentId, HttpMethod.POST, "/api/agents/" + agentId + "/callers/" + callId + "/wrap-up", notes);
	}

	Reply goAway(String agentId, String reason, boolean handBack) {
		return asAgent(agentId, HttpMethod.PUT, "/api/agents/" + agentId + "/state",
				Map.of("state", "AWAY", "reason", reason, "handBack", handBack));
	}

	Reply becomeAvailable(String agentId) {
		return asAgent(agentId, HttpMethod.PUT, "/api/agents/" + agentId + "/state", Map.of("state", "AVAILABLE"));
	}

	/** Transfers to another agent, or with {@code to} null back to the queue. */
	Reply transfer(String agentId, String callId, String to, String note) {
		Map<String, String> body = new java.util.HashMap<>();
		if (to != null) {
			body.put("to", to);
		}
		if (note != null) {
			body.put("note", note);
		}
		return asAgent(agentId, HttpMethod.POST, "/api/agents/" + agentId + "/callers/" + callId + "/transfer", body);
	}

	Reply consult(String agentId, String callId, String to, String note) {
		Map<String, String> body = new java.util.HashMap<>();
		if (to != null) {
			body.put("to", to);
		}
		if (note != null) {
			body.put("note", note);
		}
		return asAgent(agentId, HttpMethod.POST, "/api/agents/" + agentId + "/callers/" + callId + "/consult", body);
	}

	Reply cancelConsult(String agentId, String callId) {
		return asAgent(agentId, HttpMethod.DELETE, "/api/agents/" + agentId + "/callers/" + callId + "/consult", null);
	}

	Reply consultedCall(String agentId) {
		return asAgent(agentId, HttpMethod.GET, "/api/agents/" + agentId + "/consults", null);
	}

	Reply joinConsult(String agentId, String callId) {
		return asAgent(agentId, HttpMethod.POST, "/api/agents/" + agentId + "/consults/" + callId + "/join", null);
	}

	Reply takeOver(String agentId, String callId) {
		return asAgent(agentId, HttpMethod.POST, "/api/agents/" + agentId + "/consults/" + callId + "/take-over", null);
	}

	Reply leaveConsult(String agentId, String callId) {
		return asAgent(agentId, HttpMethod.DELETE, "/api/agents/" + agentId + "/consults/" + callId, null);
	}

	Reply colleagues(String agentId) {
		return asAgent(agentId, HttpMethod.GET, "/api/agents/" + agentId + "/colleagues", null);
	}

	Reply workflow(String agentId) {
		return asAgent(agentId, HttpMethod.GET, "/api/agents/" + agentId + "/workflow", null);
	}

	Reply snapshot() {
		return asAgent("supervisor", HttpMethod.GET, "/api/queue", null);
	}

	private Reply callAction(String agentId, String callId, String action) {
		return asAgent(agentId, HttpMethod.POST, "/api/agents/" + agentId + "/callers/" + callId + "/" + action, null);
	}

	/** As the gateway forwards an authenticated agent's request. */
	Reply asAgent(String agentId, HttpMethod method, String path, Object body) {
		return send(method, path, body, Map.of(SignedCredentials.AGENT_HEADER,
				this.credentials.issue(Purpose.AGENT, agentId, Duration.ofMinutes(1))));
	}

	/**
	 * The credential the caller got when it dialed, or one issued here for a call this
	 * client did not dial.
	 */
	private Map<String, String> callerHeader(String callId) {
		String token = this.callerTokens.computeIfAbsent(callId,
				(id) -> this.credentials.issue(Purpose.CALLER, id, Duration.ofMinutes(5)));
		return Map.of("Authorization", "Bearer " + token);
	}

	/** Any request; {@code body} may be a String sent as-is, to test malformed input. */
	Reply send(HttpMethod method, String path, Object body) {
		return send(method, path, body, Map.of());
	}

	Reply send(HttpMethod method, String path, Object body, Map<String, String> headers) {
		RestClient.RequestBodySpec request = this.http.method(method).uri(path);
		headers.forEach((name, value) -> request.header(name, value));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange((req, res) -> {
			String text = new String(res.getBody().readAllBytes());
			return new Reply(res.getStatusCode().value(), text.isEmpty() ? null : JSON.readTree(text));
		});
	}

	record Reply(int status, JsonNode body) {

		String text(String field) {
			JsonNode node = this.body.path(field);
			return node.isNull() || node.isMissingNode() ? null : node.asString();
		}

		/**
		 * The call in a dial, accept or resume answer, or the answer itself when it is a
		 * call.
		 */
		JsonNode call() {
			return this.body.has("call") ? this.body.get("call") : this.body;
		}

		String callId() {
			return call().get("id").asString();
		}

		String state() {
			return call().get("state").asString();
		}

		String agentId() {
			JsonNode agent = call().path("agentId");
			return agent.isNull() || agent.isMissingNode() ? null : agent.asString();
		}

		Integer position() {
			JsonNode position = call().path("queuePosition");
			return position.isNull() || position.isMissingNode() ? null : position.asInt();
		}

		String problemType() {
			return text("type");
		}

		List<String> ids() {
			List<String> ids = new ArrayList<>();
			this.body.forEach((node) -> ids.add(node.get("id").asString()));
			return ids;
		}

	}

}
