package org.callcenter.gateway;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.callcenter.testsupport.StubHttpServer;
import org.callcenter.testsupport.StubHttpServer.Reply;
import org.callcenter.testsupport.StubHttpServer.Request;

/**
 * Stands in for queue-service (and callback-service) behind the gateway: a real HTTP
 * server on a free loopback port that answers what the gateway forwards and records every
 * request but the load balancer's health checks, so a test can tell what got through the
 * gateway and as whom.
 */
public final class QueueServiceStub implements AutoCloseable {

	private static final String HEALTH = "/actuator/health";

	private volatile Duration heartbeatDelay = Duration.ZERO;

	/** Last, so that it answers only once every field is set. */
	private final StubHttpServer server = new StubHttpServer("/", 4, this::answer);

	QueueServiceStub() {
	}

	public String url() {
		return this.server.url();
	}

	/** Requests received since the last {@link #clear()}, oldest first. */
	public List<Request> received() {
		return this.server.received().stream().filter((request) -> !request.path().equals(HEALTH)).toList();
	}

	public List<Request> received(String method, String pathPrefix) {
		return received().stream()
			.filter((request) -> request.method().equals(method) && request.path().startsWith(pathPrefix))
			.toList();
	}

	/**
	 * Answers agents' heartbeats only after {@code delay}, as a queue-service under load
	 * might.
	 */
	public void slowHeartbeats(Duration delay) {
		this.heartbeatDelay = delay;
	}

	/** Forgets what was received and answers at once again. */
	public void clear() {
		this.server.clear();
		this.heartbeatDelay = Duration.ZERO;
	}

	private Reply answer(Request request) {
		if (request.path().equals(HEALTH)) {
			return new Reply(200, "{\"status\":\"UP\"}");
		}
		if (request.path().endsWith("/heartbeat") && !this.heartbeatDelay.isZero()) {
			try {
				Thread.sleep(this.heartbeatDelay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (request.method().equals("POST") && request.path().equals("/api/calls")) {
			return new Reply(201, "{\"call\":{\"id\":\"" + UUID.randomUUID() + "\",\"state\":\"WAITING\"}}");
		}
		return new Reply(200, "{}");
	}

	@Override
	public void close() {
		this.server.close();
	}

}
