package org.callcenter.queue.store;

import java.net.URI;
import java.util.Locale;

/**
 * The rules of the call center a request can break: the reason a change was refused, in
 * the domain's words. Each becomes one kind of problem details answer; which HTTP status
 * it gets is the web layer's decision ({@code web.ProblemDetailsAdvice}), so the store
 * knows nothing of HTTP.
 */
public enum Rule {

	CALL_NOT_FOUND("Unknown call", "No call has this id (or it ended long ago)."),
	AGENT_NOT_FOUND("Unknown agent", "No agent with this id has ever been online."),
	NOT_YOUR_CALLER("Not your caller", "This call is assigned to another agent."),
	AGENT_OFFLINE("Agent offline", "The agent must be online to do this."),
	CALL_ENDED("Call ended", "The call has already ended."),
	CALL_NOT_ON_HOLD("Call not on hold", "Only a call on hold can be resumed."),
	CALL_NOT_IN_PROGRESS("Call not in progress", "Only a call in progress can be put on hold."),
	CALLER_NOT_CONNECTED("Caller not connected",
			"The caller has not connected to the call yet; it can be accepted once it has."),
	CALLER_RECONNECTING("Caller reconnecting",
			"The caller's connection was lost; the call can be taken once the caller is back."),
	CALL_EXISTS("Call exists", "A call with this id already exists."),
	TRANSFER_TARGET_UNAVAILABLE("Agent cannot take the call",
			"A call is transferred to another agent who is online, available and has room."),
	CHAT_FULL("Chat full", "This call's chat holds as many messages as it can; talk instead."),
	CALL_NOT_OFFERED("Call not offered", "Only a call offered to you can be declined."),
	CALL_NOT_ENDED("Call not ended", "Outcome and notes are recorded on a call once it has ended: end it first."),
	CONSULT_IN_PROGRESS("Consult in progress",
			"A colleague is already asked to join this call: cancel that consult first."),
	NOT_CONSULTED("Not consulted", "You are not asked to join this call (the consult may have ended)."),
	CONSULT_NOT_JOINED("Consult not joined", "Join the call before taking it over."),
	NOBODY_SIGNED_IN("Nobody available",
			"Nobody who serves this queue is signed in, and it takes no calls meanwhile. Try again later."),
	UNKNOWN_QUEUE("Unknown queue", "No queue has this id."),
	QUEUE_CLOSED("Queue closed", "This queue takes no calls at this time.");

	private final String title;

	private final String detail;

	Rule(String title, String detail) {
		this.title = title;
		this.detail = detail;
	}

	public String title() {
		return this.title;
	}

	public String detail() {
		return this.detail;
	}

	/** A stable identifier of the problem, for clients to branch on. */
	public URI type() {
		return URI.create("urn:callcenter:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-'));
	}

}
