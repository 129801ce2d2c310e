package org.callcenter.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A supervisor's dashboard stream, as the page opens it: signed in through the gateway's
 * form, {@code GET /api/supervisor/events}; each pushed {@code figures} change of the
 * center ({@code key} {@code live}) goes to a consumer with {@link System#nanoTime()} at
 * its arrival.
 */
final class SupervisorStream implements AutoCloseable {

	static final String USER = "bench-supervisor";

	private static final String PASSWORD = "bench-supervisor-password";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private Flow.Subscription subscription;

	/** The gateway's settings that make {@link #USER} a supervisor. */
	static Map<String, String> gatewayEnvironment() {
		return Map.of("GATEWAY_AGENTS_0_USERNAME", USER, "GATEWAY_AGENTS_0_PASSWORDHASH", "{noop}" + PASSWORD,
				"GATEWAY_AGENTS_0_DISPLAYNAME", "Benchmark supervisor", "GATEWAY_AGENTS_0_SUPERVISOR", "true");
	}

	/** Signs in and opens the stream; returns once the stream said it is ready. */
	static SupervisorStream open(URI gateway, BiConsumer<JsonNode, Long> onLiveFigures) throws Exception {
		SupervisorStream stream = new SupervisorStream();
		HttpResponse<Void> signedIn = stream.http.send(HttpRequest.newBuilder(gateway.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(USER, StandardCharsets.UTF_8)
					+ "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		String session = signedIn.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.map((cookie) -> cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the supervisor could not sign in: " + signedIn.statusCode()));
		CountDownLatch ready = new CountDownLatch(1);
		stream.http.sendAsync(HttpRequest.newBuilder(gateway.resolve("/api/supervisor/events"))
			.header("Cookie", session)
			.header("Accept", "text/event-stream")
			.build(), HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {

				private String event = "";

				@Override
				public void onSubscribe(Flow.Subscription subscription) {
					stream.subscription = subscription;
					subscription.request(Long.MAX_VALUE);
				}

				@Override
				public void onNext(String line) {
					if (line.startsWith("event:")) {
						this.event = line.substring(6).trim();
					}
					else if (line.startsWith("data:")) {
						long arrived = System.nanoTime();
						if (this.event.equals("figures")) {
							JsonNode change = JSON.readTree(line.substring(5));
							if ("live".equals(change.path("key").asString())) {
								onLiveFigures.accept(change.path("value"), arrived);
							}
						}
						else if (this.event.equals("ready")) {
							ready.countDown();
						}
					}
					else if (line.isEmpty()) {
						this.event = "";
					}
				}

				@Override
				public void onError(Throwable failure) {
					// the stream ended: closed by the benchmark, or the gateway went away
				}

				@Override
				public void onComplete() {
				}

			}));
		if (!ready.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IOException("the supervisor's stream did not open");
		}
		return stream;
	}

	@Override
	public void close() {
		if (this.subscription != null) {
			this.subscription.cancel();
		}
	}

}
