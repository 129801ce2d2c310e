package org.callcenter.queue.routing;

import java.time.Duration;

/**
 * One queue of the call center, as its settings define it (see
 * {@code QueueProperties.QueueDefinition}).
 *
 * @param id the queue's id, as links and calls name it
 * @param displayName what callers and agents read
 * @param priority higher goes first for an agent serving several queues
 * @param backupDelay how long a caller waits for a primary agent before backups may take
 * it
 * @param serviceLevel the answer time the queue aims at
 * @param refuseWhenNobodySignedIn whether a dial is refused while nobody serving the
 * queue is signed in
 * @param hours when it takes calls
 */
public record CallQueue(String id, String displayName, int priority, Duration backupDelay, Duration serviceLevel,
		boolean refuseWhenNobodySignedIn, OpeningHours hours) {
}
