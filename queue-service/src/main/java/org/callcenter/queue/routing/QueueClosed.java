package org.callcenter.queue.routing;

import java.time.Instant;

import org.callcenter.queue.store.Rule;
import org.callcenter.queue.store.RuleViolation;

/** A dial into a queue outside its opening hours; says when it opens next, if ever. */
public class QueueClosed extends RuleViolation {

	private final transient Instant opensAt;

	QueueClosed(Instant opensAt) {
		super(Rule.QUEUE_CLOSED);
		this.opensAt = opensAt;
	}

	/** The next opening, or null when no window opens it. */
	public Instant opensAt() {
		return this.opensAt;
	}

}
