package org.callcenter.gateway.push;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.callcenter.gateway.system.GatewayProperties;
import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The calls whose caller page holds its event stream open on this instance, reported to
 * queue-service in one request per heartbeat interval. A caller whose page is gone then
 * leaves the queue after the caller grace period, even when OpenTok's session-monitoring
 * webhooks, which would say so, do not arrive.
 */
@Component
class OpenCallerPages implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OpenCallerPages.class);

	/**
	 * Calls per report: queue-service takes at most 10,000 in one, and ten thousand
	 * waiting callers' pages fit in a few.
	 */
	static final int PER_REPORT = 2_000;

	/**
	 * Open streams per call: a caller may have the page open twice, for a moment, on a
	 * reload.
	 */
	private final Map<String, Integer> open = new ConcurrentHashMap<>();

	private final SignedCredentials credentials;

	private final GatewayProperties properties;

	private final WebClient queue;

	private volatile Disposable reporting;

	OpenCallerPages(SignedCredentials credentials, GatewayProperties properties, WebClient queueService) {
		this.credentials = credentials;
		this.properties = properties;
		this.queue = queueService;
	}

	void opened(String callId) {
		this.open.merge(callId, 1, Integer::sum);
	}

	void closed(String callId) {
		this.open.computeIfPresent(callId, (id, count) -> (count > 1) ? count - 1 : null);
	}

	@Override
	public void start() {
		this.reporting = Flux.interval(this.properties.heartbeatInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> report().onErrorResume((failure) -> {
				log.debug("open caller pages not reported: {}", failure.toString());
				return Mono.empty();
			}))
			.subscribe();
	}

	private Mono<Void> report() {
		List<String> callIds = List.copyOf(this.open.keySet());
		return Flux.range(0, (callIds.size() + PER_REPORT - 1) / PER_REPORT)
			.concatMap((part) -> report(
					callIds.subList(part * PER_REPORT, Math.min(callIds.size(), (part + 1) * PER_REPORT))))
			.then();
	}

	private Mono<Void> report(List<String> callIds) {
		return this.queue.put()
			.uri("/api/callers/alive")
			.header(SignedCredentials.SERVICE_HEADER,
					this.credentials.issue(Purpose.SERVICE, "gateway", Duration.ofMinutes(1)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(callIds)
			.retrieve()
			.toBodilessEntity()
			.then();
	}

	@Override
	public void stop() {
		Disposable running = this.reporting;
		if (running != null) {
			running.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		Disposable running = this.reporting;
		return running != null && !running.isDisposed();
	}

}
