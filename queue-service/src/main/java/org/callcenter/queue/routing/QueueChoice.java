package org.callcenter.queue.routing;

import java.time.Instant;

/**
 * A queue as a caller choosing one sees it, before dialing.
 *
 * @param id what the dial names
 * @param displayName what the caller reads
 * @param open whether it is within its opening hours
 * @param acceptsCalls whether a dial now would be taken ({@code closedReason} is null)
 * @param closedReason why not: {@code closed} (outside its hours) or
 * {@code nobodySignedIn} (it refuses calls while nobody serving it is signed in, and
 * nobody is)
 * @param opensAt when closed: the next opening, or null if no window opens it
 */
public record QueueChoice(String id, String displayName, boolean open, boolean acceptsCalls, String closedReason,
		Instant opensAt) {

	static QueueChoice of(CallQueue queue, Instant now, long agentsSignedIn) {
		if (!queue.hours().isOpen(now)) {
			return new QueueChoice(queue.id(), queue.displayName(), false, false, "closed",
					queue.hours().nextOpening(now).orElse(null));
		}
		if (queue.refuseWhenNobodySignedIn() && agentsSignedIn == 0) {
			return new QueueChoice(queue.id(), queue.displayName(), true, false, "nobodySignedIn", null);
		}
		return new QueueChoice(queue.id(), queue.displayName(), true, true, null, null);
	}

}
