package org.callcenter.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the gateway refuses itself: oversized bodies (413 problem details, nothing
 * changed), and event streams of calls that do not exist (404).
 */
class GatewayLimitsIT {

	private final String gateway = RunningSuite.get().gatewayUrl();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void hugeDialsSignInFormsAndCallbacksAre413() throws Exception {
		int before = ServerState.liveCalls();
		String hugeName = "x".repeat(200 * 1024);

		HttpResponse<String> dial = post("/api/calls", "application/json",
				"{\"name\":\"" + hugeName + "\",\"mode\":\"audioOnly\"}");
		assertThat(dial.statusCode()).isEqualTo(413);
		assertThat(dial.body()).contains("body-too-large");
		assertThat(
				post("/login", "application/x-www-form-urlencoded", "username=alice&password=" + "p".repeat(300 * 1024))
					.statusCode())
			.isEqualTo(413);
		assertThat(
				post("/ot_callback", "application/json", "{\"event\":\"" + "e".repeat(100 * 1024) + "\"}").statusCode())
			.isEqualTo(413);
		assertThat(ServerState.liveCalls()).isEqualTo(before);
	}

	@Test
	void theEventStreamOfACallThatDoesNotExistIs404() throws Exception {
		String unknownCall = java.util.UUID.randomUUID().toString();
		String credential = new org.callcenter.trust.SignedCredentials(RunningSuite.SECRET, java.time.Clock.systemUTC())
			.issue(org.callcenter.trust.SignedCredentials.Purpose.CALLER, unknownCall, java.time.Duration.ofMinutes(1));

		HttpResponse<String> ticket = this.http
			.send(HttpRequest.newBuilder(URI.create(this.gateway + "/api/calls/" + unknownCall + "/event-tickets"))
				.header("Authorization", "Bearer " + credential)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		String issued = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(ticket.body())
			.get("ticket")
			.asString();
		HttpResponse<String> stream = this.http.send(HttpRequest
			.newBuilder(URI.create(this.gateway + "/api/calls/" + unknownCall + "/events?ticket=" + issued))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(stream.statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.gateway + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
