package org.callcenter.callback.monitoring;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code sessionMonitoring} in {@code /actuator/health}: DEGRADED (still HTTP 200) while
 * callbacks arrive but their signatures do not match, naming the fix.
 */
@Component("sessionMonitoringHealthIndicator")
class CallbackHealth implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED");

	private final CallbackTraffic traffic;

	CallbackHealth(CallbackTraffic traffic) {
		this.traffic = traffic;
	}

	@Override
	public Health health() {
		boolean mismatch = this.traffic.signatureMismatch();
		Health.Builder health = mismatch ? Health.status(DEGRADED) : Health.up();
		if (mismatch) {
			health.withDetail("problem", "Session monitoring callbacks arrive but their signature does not match: "
					+ "set OPENTOK_SIGNATURE_SECRET to the signature secret of the OpenTok project's callbacks");
		}
		health.withDetail("rejectedSignatures", this.traffic.rejectedSinceStart());
		if (this.traffic.lastVerifiedAt() != null) {
			health.withDetail("lastVerifiedAt", this.traffic.lastVerifiedAt().toString());
		}
		if (this.traffic.lastRejectedAt() != null) {
			health.withDetail("lastRejectedAt", this.traffic.lastRejectedAt().toString());
		}
		return health.build();
	}

}
