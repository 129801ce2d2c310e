package org.callcenter.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

/**
 * The callers' requests, sent straight to queue-service as the gateway forwards them: a
 * dial signed with the gateway's service identity, a call read or left with the caller's
 * token. Any other answer than the expected one stops the benchmark, since its figures
 * would not be those of the journey.
 */
final class QueueServiceClient {

	private final String queue;

	private final HttpClient http;

	private final SignedCredentials credentials;

	/**
	 * @param queue queue-service's base URL
	 * @param http the client to send with (its HTTP version is the benchmark's choice)
	 * @param internalSecret the secret the suite's services share, to sign as the gateway
	 */
	QueueServiceClient(String queue, HttpClient http, String internalSecret) {
		this.queue = queue;
		this.http = http;
		this.credentials = new SignedCredentials(internalSecret, Clock.systemUTC());
	}

	/** A GET answered 200: its body. */
	String get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.queue + path)).GET().build(), 200);
	}

	/**
	 * {@code POST /api/calls} answered 201, signed as the gateway signs the dials it
	 * forwards.
	 */
	String dial(String json) {
		return send(HttpRequest.newBuilder(URI.create(this.queue + "/api/calls"))
			.header("Content-Type", "application/json")
			.header(SignedCredentials.SERVICE_HEADER,
					this.credentials.issue(Purpose.SERVICE, "gateway", Duration.ofMinutes(1)))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), 201);
	}

	/**
	 * {@code method} on the call answered 200, with the caller's token ({@code GET} reads
	 * the call, {@code DELETE} leaves).
	 */
	String asCaller(String method, String callId, String callerToken) {
		return send(HttpRequest.newBuilder(URI.create(this.queue + "/api/calls/" + callId))
			.header("Authorization", "Bearer " + callerToken)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), 200);
	}

	private String send(HttpRequest request, int expected) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(
						request.uri() + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
