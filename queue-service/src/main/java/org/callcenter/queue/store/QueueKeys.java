package org.callcenter.queue.store;

import org.callcenter.queue.QueueProperties;

/**
 * The Redis keys Java code touches directly. Everything else is named inside the Lua
 * scripts (redis/lib.lua lists them all); {@link #outbox()} and {@link #pending()} must
 * match lib.lua's {@code key('outbox')} and {@code key('pending')}.
 */
public record QueueKeys(String space) {

	public QueueKeys(QueueProperties properties) {
		this(properties.keySpace());
	}

	public String outbox() {
		return this.space + ":outbox";
	}

	public String pending() {
		return this.space + ":pending";
	}

	/** Who holds the outbox relay lease. */
	public String relayOwner() {
		return this.space + ":outbox:relay-owner";
	}

	/** Id of the last outbox entry Kafka acknowledged. */
	public String relayCursor() {
		return this.space + ":outbox:relay-cursor";
	}

}
