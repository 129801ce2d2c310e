package org.callcenter.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** queue-service's HTTP API as a caller page and an agent console use it, answering status and body. */
final class QueueClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient http;

	QueueClient(String baseUrl) {
		this.http = RestClient.builder().baseUrl(baseUrl).build();
	}

	Reply dial(String name) {
		return dial(name, "I need help", "audioVideo");
	}

	Reply dial(String name, String reason, String mode) {
		return send(HttpMethod.POST, "/api/calls", Map.of("name", name, "reason", reason, "mode", mode));
	}

	Reply status(String callId) {
		return send(HttpMethod.GET, "/api/calls/" + callId, null);
	}

	Reply leave(String callId) {
		return send(HttpMethod.DELETE, "/api/calls/" + callId, null);
	}

	Reply goOnline(String agentId) {
		return send(HttpMethod.PUT, "/api/agents/" + agentId, Map.of("displayName", "Agent " + agentId));
	}

	Reply goOffline(String agentId) {
		return send(HttpMethod.DELETE, "/api/agents/" + agentId, null);
	}

	Reply heartbeat(String agentId) {
		return send(HttpMethod.PUT, "/api/agents/" + agentId + "/heartbeat", null);
	}

	Reply callers(String agentId) {
		return send(HttpMethod.GET, "/api/agents/" + agentId + "/callers", null);
	}

	Reply accept(String agentId, String callId) {
		return callAction(agentId, callId, "accept");
	}

	Reply resume(String agentId, String callId) {
		return callAction(agentId, callId, "resume");
	}

	Reply hold(String agentId, String callId) {
		return callAction(agentId, callId, "hold");
	}

	Reply end(String agentId, String callId) {
		return callAction(agentId, callId, "end");
	}

	Reply snapshot() {
		return send(HttpMethod.GET, "/api/queue", null);
	}

	private Reply callAction(String agentId, String callId, String action) {
		return send(HttpMethod.POST, "/api/agents/" + agentId + "/callers/" + callId + "/" + action, null);
	}

	/** Any request; {@code body} may be a String sent as-is, to test malformed input. */
	Reply send(HttpMethod method, String path, Object body) {
		RestClient.RequestBodySpec request = this.http.method(method).uri(path);
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

		/** The call in a dial, accept or resume answer, or the answer itself when it is a call. */
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
