package org.callcenter.queue.store;

import org.callcenter.queue.QueueProperties;

/**
 * The Redis keys Java code touches directly. Everything else is named inside the Lua
 * scripts (redis/lib.lua lists them all); {@link #outbox()} and {@link #pending} must
 * match lib.lua's {@code key('outbox')} and {@code key('pending', q)}, and so must
 * {@link #call} and {@link #sessionOwner}. The session pool's keys are named here only:
 * its scripts get them as KEYS.
 */
public record QueueKeys(String space) {

	public QueueKeys(QueueProperties properties) {
		this(properties.keySpace());
	}

	public String outbox() {
		return this.space + ":outbox";
	}

	/** Agents in wrap-up, by when it ends (lib.lua). */
	public String wrapUps() {
		return this.space + ":wrap-ups";
	}

	/** Calls offered to an agent, by when the offer times out (lib.lua). */
	public String offers() {
		return this.space + ":offers";
	}

	/** The waiting calls of one queue, by arrival (lib.lua). */
	public String pending(String queue) {
		return this.space + ":pending:" + queue;
	}

	/** Who holds the outbox relay lease. */
	public String relayOwner() {
		return this.space + ":outbox:relay-owner";
	}

	/** Id of the last outbox entry Kafka acknowledged. */
	public String relayCursor() {
		return this.space + ":outbox:relay-cursor";
	}

	/**
	 * OpenTok sessions created ahead of demand and not yet given to a call: a sorted set
	 * of session ids scored by the epoch millisecond each was created.
	 */
	public String sessionPool() {
		return this.space + ":session-pool";
	}

	/**
	 * Prefix of the session pool's entries: {@code <prefix>:<session id>} is a hash of
	 * what a dial needs besides the session (the call id made ahead, the caller's token
	 * for it and when that expires), added and taken with its session's member of
	 * {@link #sessionPool()} in one script.
	 */
	public String sessionPoolEntries() {
		return this.space + ":session-pool:entry";
	}

	/** The entry of one pooled session (see {@link #sessionPoolEntries()}). */
	public String sessionPoolEntry(String sessionId) {
		return sessionPoolEntries() + ":" + sessionId;
	}

	/**
	 * The hash of one call; must match lib.lua's {@code key('call', id)}. The session
	 * pool reads it only to see whether a call exists.
	 */
	public String call(String callId) {
		return this.space + ":call:" + callId;
	}

	/**
	 * The call that owns an OpenTok session; must match lib.lua's
	 * {@code key('session', sessionId)}.
	 */
	public String sessionOwner(String sessionId) {
		return this.space + ":session:" + sessionId;
	}

	/** Who refills the session pool (a lease, like {@link #relayOwner()}). */
	public String sessionPoolRefiller() {
		return this.space + ":session-pool:refiller";
	}

	/**
	 * Prefix of the dial counters that size the session pool: one counter per demand
	 * window, {@code <prefix>:<window number>}, each expiring after three windows.
	 */
	public String sessionPoolDials() {
		return this.space + ":session-pool:dials";
	}

}
