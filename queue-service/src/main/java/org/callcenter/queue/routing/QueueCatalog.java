package org.callcenter.queue.routing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.callcenter.queue.QueueProperties;
import org.callcenter.queue.store.Rule;
import org.callcenter.queue.store.RuleViolation;

import org.springframework.stereotype.Component;

/**
 * The configured queues, in the order pages offer them; the first takes unrouted dials.
 */
@Component
public class QueueCatalog {

	private final List<CallQueue> queues;

	QueueCatalog(QueueProperties properties) {
		this.queues = properties.queues()
			.stream()
			.map((queue) -> new CallQueue(queue.id(), queue.displayName(), queue.priority(), queue.backupDelay(),
					queue.serviceLevel(), queue.refuseWhenNobodySignedIn(),
					OpeningHours.parse(queue.timeZone(), queue.hours())))
			.toList();
	}

	public List<CallQueue> all() {
		return this.queues;
	}

	/**
	 * The queue a dial goes to: the one named, or the first when none is; refused when no
	 * queue has that id ({@link Rule#UNKNOWN_QUEUE}) or it is outside its opening hours
	 * ({@link QueueClosed}). Whether anybody serving it is signed in is the store's to
	 * check, in the same step as the dial.
	 */
	public CallQueue openForDial(String id, Instant now) {
		CallQueue queue = find(id).orElseThrow(() -> new RuleViolation(Rule.UNKNOWN_QUEUE));
		if (!queue.hours().isOpen(now)) {
			throw new QueueClosed(queue.hours().nextOpening(now).orElse(null));
		}
		return queue;
	}

	private Optional<CallQueue> find(String id) {
		if (id == null || id.isEmpty()) {
			return Optional.of(this.queues.get(0));
		}
		return this.queues.stream().filter((queue) -> queue.id().equals(id)).findFirst();
	}

}
