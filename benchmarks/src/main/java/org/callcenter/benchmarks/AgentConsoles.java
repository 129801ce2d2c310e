package org.callcenter.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Agents signed in to the gateway as the console does it (sign-in form, going online),
 * each with its event stream open ({@code GET /api/agent/events}): every {@code callers}
 * event is handed on with the time it arrived. One HTTP/1.1 client for all, its line
 * subscribers called as lines arrive, so that a hundred streams need no hundred threads.
 */
final class AgentConsoles implements AutoCloseable {

	/** Users the benchmark configures in the gateway: {@code bench-agent-<n>}. */
	static final String USER_PREFIX = "bench-agent-";

	static final String PASSWORD = "benchmark";

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI gateway;

	private final Map<String, String> sessions = new HashMap<>();

	private final List<Flow.Subscription> streams = new ArrayList<>();

	private AgentConsoles(URI gateway) {
		this.gateway = gateway;
	}

	/**
	 * The gateway's settings for {@code count} agents (by environment, as the gateway's
	 * README describes): password {@value #PASSWORD}, kept as {@code {noop}} so that
	 * signing in a hundred agents measures the call center, not BCrypt.
	 */
	static Map<String, String> gatewayEnvironment(int count) {
		Map<String, String> environment = new HashMap<>();
		for (int i = 0; i < count; i++) {
			environment.put("GATEWAY_AGENTS_" + i + "_USERNAME", USER_PREFIX + i);
			environment.put("GATEWAY_AGENTS_" + i + "_PASSWORDHASH", "{noop}" + PASSWORD);
			environment.put("GATEWAY_AGENTS_" + i + "_DISPLAYNAME", "Benchmark agent " + i);
		}
		return environment;
	}

	/**
	 * Signs in {@code count} agents, puts them online and opens their streams; returns
	 * once every stream said it is ready. {@code onCallers} gets each {@code callers}
	 * event's data and {@link System#nanoTime()} at its arrival.
	 */
	static AgentConsoles open(URI gateway, int count, BiConsumer<String, Long> onCallers) throws Exception {
		AgentConsoles consoles = new AgentConsoles(gateway);
		CountDownLatch ready = new CountDownLatch(count);
		ExecutorService signIns = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String user = USER_PREFIX + i;
				work.add(signIns.submit(() -> {
					consoles.signIn(user);
					consoles.openStream(user, ready, onCallers);
					return null;
				}));
			}
			for (Future<?> done : work) {
				done.get();
			}
		}
		finally {
			signIns.shutdown();
		}
		if (!ready.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException(ready.getCount() + " agent streams did not open");
		}
		return consoles;
	}

	private void signIn(String user) throws IOException, InterruptedException {
		HttpResponse<Void> signedIn = this.http.send(HttpRequest.newBuilder(this.gateway.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
					+ "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		String session = signedIn.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.map((cookie) -> cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(user + " could not sign in: " + signedIn.statusCode()));
		synchronized (this.sessions) {
			this.sessions.put(user, session);
		}
		HttpResponse<String> online = this.http.send(HttpRequest.newBuilder(this.gateway.resolve("/api/agent"))
			.header("Cookie", session)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"" + user + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (online.statusCode() != 200) {
			throw new IllegalStateException(user + " could not go online: " + online.statusCode() + online.body());
		}
	}

	private void openStream(String user, CountDownLatch ready, BiConsumer<String, Long> onCallers) {
		String session;
		synchronized (this.sessions) {
			session = this.sessions.get(user);
		}
		this.http.sendAsync(HttpRequest.newBuilder(this.gateway.resolve("/api/agent/events"))
			.header("Cookie", session)
			.header("Accept", "text/event-stream")
			.build(), HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {

				private String event = "";

				@Override
				public void onSubscribe(Flow.Subscription subscription) {
					synchronized (AgentConsoles.this.streams) {
						AgentConsoles.this.streams.add(subscription);
					}
					subscription.request(Long.MAX_VALUE);
				}

				@Override
				public void onNext(String line) {
					if (line.startsWith("event:")) {
						this.event = line.substring(6).trim();
					}
					else if (line.startsWith("data:")) {
						if (this.event.equals("callers")) {
							onCallers.accept(line.substring(5), System.nanoTime());
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
	}

	/** Every agent goes offline (its callers go back to the queue), streams closed. */
	@Override
	public void close() {
		synchronized (this.streams) {
			this.streams.forEach(Flow.Subscription::cancel);
		}
		synchronized (this.sessions) {
			for (String session : this.sessions.values()) {
				try {
					this.http.send(HttpRequest.newBuilder(this.gateway.resolve("/api/agent"))
						.header("Cookie", session)
						.DELETE()
						.build(), HttpResponse.BodyHandlers.discarding());
				}
				catch (IOException ex) {
					// offline at the latest when its heartbeats stop
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

}
