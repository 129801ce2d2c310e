package org.callcenter.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

import org.callcenter.testsupport.RealRedis;
import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callers without a browser, straight at queue-service as the gateway would forward them,
 * and the call center's recent handle time set as if its recent calls had taken that
 * long: the suite's other tests end their calls within seconds, which would make every
 * expected wait "less than a minute".
 */
final class DirectQueue {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SignedCredentials CREDENTIALS = new SignedCredentials(RunningSuite.SECRET, Clock.systemUTC());

	private DirectQueue() {
	}

	/** Dials as a caller with no page; answers the call id. */
	static String dial(String name) {
		String body = send("POST", "/api/calls",
				"{\"name\":\"" + name + "\",\"reason\":\"ahead\",\"mode\":\"audioVideo\"}",
				SignedCredentials.SERVICE_HEADER, CREDENTIALS.issue(Purpose.SERVICE, "gateway", Duration.ofMinutes(1)));
		return JSON.readTree(body).at("/call/id").asString();
	}

	/** The caller's page confirms it is connected, so its agent can take the call. */
	static void connect(String callId) {
		send("POST", "/api/calls/" + callId + "/connection", "{\"connectionId\":\"direct-" + callId + "\"}",
				"Authorization", "Bearer " + CREDENTIALS.issue(Purpose.CALLER, callId, Duration.ofMinutes(1)));
	}

	static void leave(String callId) {
		send("DELETE", "/api/calls/" + callId, null, "Authorization",
				"Bearer " + CREDENTIALS.issue(Purpose.CALLER, callId, Duration.ofMinutes(1)));
	}

	/**
	 * Sets queue-service's recency-weighted average handle time (its Redis hash
	 * {@code handle-time}, as its lib.lua names it) as if the recent calls had taken this
	 * long.
	 */
	static void recentCallsTook(Duration handleTime) {
		String key = "{" + RunningSuite.NAMESPACE + "}:handle-time";
		try (Socket redis = new Socket(RealRedis.shared().host(), RealRedis.shared().port())) {
			OutputStream out = redis.getOutputStream();
			out.write(command("HSET", key, "averageMs", String.valueOf(handleTime.toMillis()), "calls", "10"));
			out.flush();
			InputStream in = redis.getInputStream();
			int first = in.read();
			assertThat((char) first).as("Redis answered HSET").isEqualTo(':');
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A Redis command in its wire form (RESP): an array of bulk strings. */
	private static byte[] command(String... parts) {
		StringBuilder wire = new StringBuilder("*").append(parts.length).append("\r\n");
		for (String part : parts) {
			wire.append('$')
				.append(part.getBytes(StandardCharsets.UTF_8).length)
				.append("\r\n")
				.append(part)
				.append("\r\n");
		}
		return wire.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String send(String method, String path, String body, String header, String value) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(RunningSuite.get().url("queue-service") + path))
					.header("Content-Type", "application/json")
					.header(header, value)
					.method(method,
							(body != null) ? HttpRequest.BodyPublishers.ofString(body)
									: HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
