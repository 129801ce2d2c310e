package org.callcenter.queue.monitoring;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.queue.QueueProperties;
import org.callcenter.queue.store.CallStore;
import org.callcenter.queue.store.SessionMonitoringState;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Notices when OpenTok's session-monitoring webhooks do not arrive: callers' pages
 * confirm their connections, and a confirmed connection that no verified webhook confirms
 * within the window means the project's callback URL is missing or wrong, or its
 * signatures do not match. Calls still go through (the pages' confirmations stand in),
 * but the operator has to fix it: the state is in health, in a metric, in a WARN line
 * when it starts, and on the agents' consoles. The state is kept in Redis, so every
 * instance reports the same.
 */
@Component
public class SessionMonitoring {

	static final String LIKELY_CAUSES = "the callback URL is not set in the OpenTok project (Vonage dashboard, "
			+ "project settings, Session Monitoring), it does not reach the gateway's /ot_callback, or the "
			+ "callbacks are signed with another secret than OPENTOK_SIGNATURE_SECRET (callback-service health "
			+ "counts rejected signatures)";

	private static final Logger log = LoggerFactory.getLogger(SessionMonitoring.class);

	private final CallStore store;

	private final Duration window;

	private volatile SessionMonitoringState last = new SessionMonitoringState(0, null, null, 0);

	SessionMonitoring(CallStore store, QueueProperties properties, MeterRegistry meters) {
		this.store = store;
		this.window = properties.sessionMonitoringWindow();
		Gauge.builder("callcenter.session.monitoring.missing", this, (self) -> self.last.callbacksArriving() ? 0 : 1)
			.description("1 while OpenTok's session-monitoring webhooks are not arriving (callers confirm their "
					+ "connections from their pages), 0 otherwise")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${queue.sweep-interval:1s}")
	void sweep() {
		try {
			SessionMonitoringState now = this.store.sessionMonitoring(true);
			if (this.last.callbacksArriving() && !now.callbacksArriving()) {
				log.warn("Session monitoring callbacks are not arriving: {} caller connection(s) confirmed by the "
						+ "callers' pages got no verified connectionCreated webhook within {} s. Calls still go "
						+ "through. Likely causes: {}.", now.overdueNow(), this.window.toSeconds(), LIKELY_CAUSES);
			}
			else if (!this.last.callbacksArriving() && now.callbacksArriving()) {
				log.info("Session monitoring callbacks are arriving again");
			}
			this.last = now;
		}
		catch (DataAccessException ex) {
			log.debug("session monitoring check skipped: Redis unavailable ({})", ex.getMessage());
		}
	}

	/** The state as of now, read from Redis. */
	public Status status() {
		return Status.of(this.store.sessionMonitoring(false), this.window);
	}

	/**
	 * @param callbacksArriving false while webhooks are missing
	 * @param detail what is wrong and what to check, or null
	 */
	public record Status(boolean callbacksArriving, String detail, SessionMonitoringState state) {

		static Status of(SessionMonitoringState state, Duration window) {
			return state.callbacksArriving() ? new Status(true, null, state)
					: new Status(false,
							"Session monitoring callbacks are not arriving: callers confirmed their "
									+ "connections but no verified webhook came within " + window.toSeconds()
									+ " s. Calls still go through. Check: " + LIKELY_CAUSES + ".",
							state);
		}

	}

}
