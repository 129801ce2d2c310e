package org.callcenter.queue.monitoring;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code sessionMonitoring} in {@code /actuator/health}: DEGRADED (still HTTP 200) while
 * OpenTok's webhooks are missing, with what to check.
 */
@Component("sessionMonitoringHealthIndicator")
class SessionMonitoringHealth implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED");

	private final SessionMonitoring monitoring;

	SessionMonitoringHealth(SessionMonitoring monitoring) {
		this.monitoring = monitoring;
	}

	@Override
	public Health health() {
		SessionMonitoring.Status status = this.monitoring.status();
		Health.Builder health = status.callbacksArriving() ? Health.up() : Health.status(DEGRADED);
		health.withDetail("callbacksArriving", status.callbacksArriving());
		if (status.detail() != null) {
			health.withDetail("problem", status.detail());
		}
		if (status.state().lastWebhookAt() != null) {
			health.withDetail("lastWebhookAt", status.state().lastWebhookAt().toString());
		}
		if (status.state().missedAt() != null) {
			health.withDetail("lastMissedAt", status.state().missedAt().toString());
		}
		health.withDetail("awaitingWebhook", status.state().awaiting());
		return health.build();
	}

}
