package org.callcenter.queue.supervisor;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.callcenter.queue.store.QueueSnapshot;

/**
 * What a supervisor sees of the queue: the snapshot, and whether OpenTok's
 * session-monitoring webhooks arrive (an operator's problem to fix, shown on the
 * dashboard as on the consoles).
 *
 * @param queue its fields are this answer's own (waiting callers, agents, live calls)
 */
record QueueOverview(@JsonUnwrapped QueueSnapshot queue, SessionMonitoringNotice sessionMonitoring) {

	/**
	 * @param problem what is wrong and what to check; null while the webhooks arrive
	 */
	record SessionMonitoringNotice(boolean callbacksArriving, String problem) {

	}

}
