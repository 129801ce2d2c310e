package org.callcenter.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Oversized bodies are refused at the gateway with 413 problem details and change nothing. */
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
		assertThat(post("/login", "application/x-www-form-urlencoded",
				"username=alice&password=" + "p".repeat(300 * 1024)).statusCode()).isEqualTo(413);
		assertThat(post("/ot_callback", "application/json", "{\"event\":\"" + "e".repeat(100 * 1024) + "\"}")
			.statusCode()).isEqualTo(413);
		assertThat(ServerState.liveCalls()).isEqualTo(before);
	}

	private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.gateway + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
