package org.callcenter.queue.store;

import java.time.Instant;

/**
 * What the call center knows about OpenTok's session-monitoring webhooks.
 *
 * @param overdueNow page-confirmed connections found without their webhook in this sweep
 * @param lastWebhookAt when the last verified session webhook arrived, if ever
 * @param missedAt when the latest page-confirmed connection that went without its webhook
 * was confirmed, if ever
 * @param awaiting page-confirmed connections still within their window
 */
public record SessionMonitoringState(long overdueNow, Instant lastWebhookAt, Instant missedAt, long awaiting) {

	/**
	 * Webhooks are missing when a confirmed connection got none and none has arrived
	 * since it was confirmed.
	 */
	public boolean callbacksArriving() {
		return this.missedAt == null || (this.lastWebhookAt != null && this.lastWebhookAt.isAfter(this.missedAt));
	}

}
