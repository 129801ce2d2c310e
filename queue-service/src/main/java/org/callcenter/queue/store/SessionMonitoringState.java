package org.callcenter.queue.store;

import java.time.Instant;

/**
 * What the call center knows about OpenTok's session-monitoring webhooks.
 *
 * @param overdueNow page-confirmed connections found without their webhook in this sweep
 * @param lastWebhookAt when the last verified session webhook arrived, if ever
 * @param missedAt when a page-confirmed connection last went without its webhook, if ever
 * @param awaiting page-confirmed connections still within their window
 */
public record SessionMonitoringState(long overdueNow, Instant lastWebhookAt, Instant missedAt, long awaiting) {

	/** Webhooks are missing when one was missed and none has arrived since. */
	public boolean callbacksArriving() {
		return this.missedAt == null || (this.lastWebhookAt != null && this.lastWebhookAt.isAfter(this.missedAt));
	}

}
