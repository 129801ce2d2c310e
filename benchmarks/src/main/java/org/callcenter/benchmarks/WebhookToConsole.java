package org.callcenter.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook to agent console: agents signed in with their event streams open, one call
 * assigned to them for each webhook; then, at a constant rate, OpenTok's signed
 * {@code connectionCreated} for each call's caller posted to the gateway's
 * {@code /ot_callback}, timed from when it was due until the {@code callers} event saying
 * the caller connected arrives on the stream of the call's agent (callback-service →
 * Kafka → queue-service's Lua script and outbox → Kafka → gateway → SSE). Beside it, the
 * floor: how long the gateway took to answer the callback (which callback-service does
 * once Kafka has it).
 */
final class WebhookToConsole {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration STRAGGLERS = Duration.ofSeconds(10);

	private WebhookToConsole() {
	}

	static Result run(URI gateway, URI queueService, byte[] dialRequest, int agents, double perSecond, Duration warmUp,
			Duration measured, int apiKey, String signatureSecret) throws Exception {
		int firstMeasured = (int) Math.round(perSecond * warmUp.toNanos() / 1e9);
		int total = firstMeasured + (int) Math.round(perSecond * measured.toNanos() / 1e9);
		AtomicLongArray arrivals = new AtomicLongArray(total);
		Map<String, Integer> indexOf = new HashMap<>();
		AtomicInteger unexpected = new AtomicInteger();
		try (AgentConsoles consoles = AgentConsoles.open(gateway, agents, (data, now) -> {
			JsonNode event = JSON.readTree(data);
			if ("CALLER_CONNECTED".equals(event.path("type").asString(""))) {
				Integer index;
				synchronized (indexOf) {
					index = indexOf.get(event.path("callId").asString(""));
				}
				if (index == null || !arrivals.compareAndSet(index, 0, now)) {
					unexpected.incrementAndGet();
				}
			}
		})) {
			System.out.println(
					"[benchmark] " + agents + " agents signed in, streams open; dialing " + total + " calls for them");
			List<CallerDials.Dialed> calls = CallerDials.dial(queueService, dialRequest, total);
			byte[][] callbacks = new byte[total][];
			for (int i = 0; i < total; i++) {
				CallerDials.Dialed call = calls.get(i);
				if (call.agentId().isEmpty()) {
					throw new IllegalStateException("call " + call.callId() + " was not assigned to an agent");
				}
				synchronized (indexOf) {
					indexOf.put(call.callId(), i);
				}
				String body = VonageCallbacks.callerConnected(apiKey, call.sessionId(), "bench-connection-" + i,
						call.callId());
				callbacks[i] = HttpConnection.request("POST", gateway, "/ot_callback",
						Map.of("Content-Type", "application/json", "Authorization",
								VonageCallbacks.authorization(body, signatureSecret, apiKey)),
						body);
			}
			Quiet.await();
			System.out.println("[benchmark] posting " + total + " webhooks at " + perSecond + "/s");
			ArrivalSchedule schedule = ArrivalSchedule.of(System.nanoTime() + 100_000_000L, perSecond,
					total / perSecond);
			OpenLoop.Result answered = OpenLoop.run(gateway, schedule, firstMeasured,
					(int) Math.min(256, Math.max(16, perSecond / 4)), (i) -> callbacks[i], 200, (answer) -> {
					});
			long deadline = System.nanoTime() + STRAGGLERS.toNanos();
			while (missing(arrivals, firstMeasured) > 0 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			Figures.Buffer pushed = new Figures.Buffer();
			int lost = 0;
			for (int i = firstMeasured; i < total; i++) {
				long arrived = arrivals.get(i);
				if (arrived == 0) {
					lost++;
				}
				else {
					pushed.add((arrived - schedule.due(i)) / 1000);
				}
			}
			CallerDials.leave(queueService, calls);
			if (unexpected.get() > 0) {
				System.out.println("[benchmark] " + unexpected.get() + " connection events matched no webhook");
			}
			return new Result(Figures.of(Figures.Buffer.merge(List.of(pushed)), lost, answered.figures().seconds()),
					answered, agents);
		}
	}

	private static int missing(AtomicLongArray arrivals, int from) {
		int missing = 0;
		for (int i = from; i < arrivals.length(); i++) {
			if (arrivals.get(i) == 0) {
				missing++;
			}
		}
		return missing;
	}

	/**
	 * @param pushes latencies from each webhook's due time to its event on the agent's
	 * stream; errors: events that never came
	 * @param answered the gateway's answers to the webhooks
	 */
	record Result(Figures pushes, OpenLoop.Result answered, int agents) {
	}

}
