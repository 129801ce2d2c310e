package org.callcenter.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.callcenter.queue.QueueClient.Reply;

import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input nobody well-meaning sends: wildcard and wrong content types, wrong JSON types,
 * malformed and huge bodies, odd ids and methods, at every endpoint. Each gets a 4xx and
 * changes nothing.
 */
@TestPropertySource(properties = { "queue.namespace=hostile", "queue.agent-grace-period=10m" })
class HostileInputIT extends QueueServiceTestBase {

	private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

	private static final String[] CONTENT_TYPES = { "*/*", "application/*", "text/plain", "application/xml",
			"multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=bogus",
			"", "not a type", "application/json" };

	private static final String[] BAD_BODIES = { "", "{", "}", "null", "[]", "[{}]", "\"text\"", "42", "true",
			"{\"name\":-1,\"mode\":\"audioOnly\"}", "{\"name\":\"Ann\",\"reason\":false,\"mode\":\"audioOnly\"}",
			"{\"name\":\"Ann\",\"mode\":0}", "{\"name\":\"Ann\",\"mode\":1.5}", "{\"name\":{},\"mode\":\"audioOnly\"}",
			"{\"name\":[\"Ann\"],\"mode\":\"audioOnly\"}", "{\"name\":\"Ann\",\"mode\":\"AUDIOONLY\"}",
			"{\"name\":\"Ann\",\"mode\":null}", "{\"name\":null,\"mode\":\"audioOnly\"}", "{\"displayName\":7}",
			"{\"displayName\":[]}", "{\"connectionId\":5}", "{\"connectionId\":\"a b\"}",
			"{\"name\":\"Ann\"" + ",\"x\":1".repeat(2000) + "}", "{\"name\":\"" + "A".repeat(300_000) + "\"}",
			"\u0000\u0001\u0002", "{\"name\":\"Ann\",\"mode\":\"audioOnly\"} trailing" };

	@Test
	void wildcardContentTypesAre415AndWrongJsonTypesAre400() {
		for (String wildcard : new String[] { "*/*", "application/*" }) {
			assertThat(raw(HttpMethod.POST, "/api/calls", wildcard, "{\"name\":\"Ann\",\"mode\":\"audioOnly\"}",
					this.api.asGateway()))
				.as("dial with " + wildcard)
				.isEqualTo(415);
		}
		assertThat(raw(HttpMethod.POST, "/api/calls", "application/json", "{\"name\":-1,\"mode\":\"audioOnly\"}",
				this.api.asGateway()))
			.isEqualTo(400);
		assertThat(raw(HttpMethod.POST, "/api/calls", "application/json",
				"{\"name\":\"Ann\",\"reason\":false,\"mode\":\"audioOnly\"}", this.api.asGateway()))
			.isEqualTo(400);
		assertThat(raw(HttpMethod.POST, "/api/calls", "application/json", "{\"name\":\"Ann\",\"mode\":0}",
				this.api.asGateway()))
			.isEqualTo(400);
	}

	@Test
	void thousandsOfHostileRequestsGetNo5xxAndChangeNothing() {
		Reply ann = this.api.dial("Ann");
		this.api.goOnline("hostile-agent");
		int liveBefore = this.api.snapshot().body().get("liveCalls").size();
		String agent = "hostile-agent";
		Map<String, String> agentHeader = Map.of(org.callcenter.trust.SignedCredentials.AGENT_HEADER,
				agentIdentity(agent));
		Map<String, String> callerHeader = this.api.credentialOf(ann.callId());
		List<Target> targets = List.of(new Target(HttpMethod.POST, "/api/calls", this.api.asGateway()),
				new Target(HttpMethod.PUT, "/api/agents/" + agent, agentHeader),
				new Target(HttpMethod.POST, "/api/calls/" + ann.callId() + "/connection", callerHeader),
				new Target(HttpMethod.PUT, "/api/callers/alive", Map.of()), new Target(HttpMethod.POST,
						"/api/agents/" + agent + "/callers/" + ann.callId() + "/accept", agentHeader));
		List<String> unexpected = new ArrayList<>();
		Random random = new Random(7);
		int sent = 0;
		for (Target target : targets) {
			for (int i = 0; i < 1000; i++) {
				String contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
				String body = BAD_BODIES[random.nextInt(BAD_BODIES.length)];
				HttpMethod method = (random.nextInt(10) == 0) ? HttpMethod.PATCH : target.method();
				int status = raw(method, target.path(), contentType, body, target.headers());
				sent++;
				if (status >= 500) {
					unexpected.add(method + " " + target.path() + " [" + contentType + "] "
							+ body.substring(0, Math.min(60, body.length())) + " -> " + status);
				}
			}
		}
		for (String oddPath : new String[] { "/api/calls/%00", "/api/calls/../../etc/passwd",
				"/api/calls/" + "9".repeat(5000), "/api/agents/%2e%2e/callers",
				"/api/calls/" + ann.callId() + "/connection/extra" }) {
			int status = raw(HttpMethod.GET, oddPath, "application/json", "", callerHeader);
			if (status >= 500) {
				unexpected.add("GET " + oddPath.substring(0, Math.min(60, oddPath.length())) + " -> " + status);
			}
		}

		assertThat(sent).isGreaterThanOrEqualTo(5000);
		assertThat(unexpected).as("5xx answers").isEmpty();
		assertThat(this.api.snapshot().body().get("liveCalls").size()).isEqualTo(liveBefore);
		assertThat(this.api.status(ann.callId()).state()).isEqualTo("ASSIGNED");
		assertThat(this.api.status(ann.callId()).call().get("connected").asBoolean()).isFalse();
		this.api.leave(ann.callId());
	}

	private String agentIdentity(String agentId) {
		return new org.callcenter.trust.SignedCredentials(QueueClient.SECRET, java.time.Clock.systemUTC())
			.issue(org.callcenter.trust.SignedCredentials.Purpose.AGENT, agentId, java.time.Duration.ofMinutes(5));
	}

	/**
	 * Sent as written, whatever the content type says: a well-behaved client library
	 * would refuse.
	 */
	private int raw(HttpMethod method, String path, String contentType, String body, Map<String, String> headers) {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path))
			.method(method.name(), body.isEmpty() ? java.net.http.HttpRequest.BodyPublishers.noBody()
					: java.net.http.HttpRequest.BodyPublishers.ofString(body));
		if (!contentType.isEmpty()) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::header);
		try {
			return HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Target(HttpMethod method, String path, Map<String, String> headers) {
	}

}
