package org.callcenter.queue.housekeeping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.queue.store.CallStore;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends calls whose caller never connected (or did not come back), calls whose page is gone with no
 * live connection, and takes silent agents offline. Every instance runs it;
 * each sweep is one atomic script, so instances never double up.
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
			long expired = this.store.expireUnconnectedCallers(MAX_EXPIRED_PER_SWEEP);
			long gone = this.store.endSilentCallers(MAX_EXPIRED_PER_SWEEP);
			long dropped = this.store.dropSilentAgents();
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
