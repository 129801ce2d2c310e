package org.callcenter.queue.housekeeping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.queue.store.CallStore;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends calls whose caller never connected (or did not come back), calls whose page is
 * gone with no live connection, takes silent agents offline, ends wrap-ups whose time is
 * over and takes back offers not answered in time (then gives waiting callers to agents
 * with room). Every instance runs it; time when no instance swept (the whole service was
 * down) never counts as anyone's silence; each sweep is one atomic script, so instances
 * never double up.
 */
@Component
class Housekeeping {

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

	private static final int MAX_EXPIRED_PER_SWEEP = 100;

	private final CallStore store;

	Housekeeping(CallStore store) {
		this.store = store;
	}

	@Scheduled(fixedDelayString = "${queue.sweep-interval:1s}")
	void sweep() {
		try {
			java.time.Duration outage = this.store.noteSweep();
			if (!outage.isZero()) {
				log.warn("nothing swept the call center for {} s (queue-service down or cut off from Redis): agents, "
						+ "callers' pages and connect deadlines get that time back", outage.toSeconds());
			}
			long expired = this.store.expireUnconnectedCallers(MAX_EXPIRED_PER_SWEEP);
			long gone = this.store.endSilentCallers(MAX_EXPIRED_PER_SWEEP);
			long dropped = this.store.dropSilentAgents();
			this.store.endWrapUps();
			long offersMissed = this.store.expireOffers(MAX_EXPIRED_PER_SWEEP);
			// backups take callers who have waited their queue's backup delay
			this.store.routeWaiting();
			if (offersMissed > 0) {
				log.info("housekeeping took back {} offers not answered in time", offersMissed);
			}
			if (expired > 0 || gone > 0 || dropped > 0) {
				log.info("housekeeping ended {} unconnected calls and {} calls whose page was gone, and took {} "
						+ "silent agents offline", expired, gone, dropped);
			}
		}
		catch (DataAccessException ex) {
			log.warn("housekeeping skipped: Redis unavailable ({})", ex.getMessage());
		}
	}

}
