package org.callcenter.callback.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.callcenter.callback.system.CallbackProperties;

import org.springframework.stereotype.Component;

/**
 * The signed callbacks this instance has accepted, by {@code jti}, for as long as a
 * signature counts as fresh: a captured callback sent again is answered 200 (as a retry
 * whose answer was lost would be) but not published again. Bounded, so a flood cannot
 * exhaust memory; with several instances a replay to another one is published again,
 * which the idempotent consumers drop.
 */
@Component
class ReplayGuard {

	private static final int MAX_REMEMBERED = 200_000;

	private final Map<String, Instant> accepted = new ConcurrentHashMap<>();

	private final CallbackProperties properties;

	private final Clock clock = Clock.systemUTC();

	ReplayGuard(CallbackProperties properties) {
		this.properties = properties;
	}

	boolean alreadyAccepted(String jti) {
		Instant until = (jti != null) ? this.accepted.get(jti) : null;
		return until != null && until.isAfter(this.clock.instant());
	}

	void accepted(String jti) {
		if (jti == null) {
			return;
		}
		if (this.accepted.size() >= MAX_REMEMBERED) {
			forgetExpired();
		}
		if (this.accepted.size() < MAX_REMEMBERED) {
			this.accepted.put(jti, this.clock.instant().plus(this.properties.freshness()));
		}
	}

	private void forgetExpired() {
		Instant now = this.clock.instant();
		for (Iterator<Instant> until = this.accepted.values().iterator(); until.hasNext();) {
			if (until.next().isBefore(now)) {
				until.remove();
			}
		}
	}

}
