package org.callcenter.queue.store;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;

/** The rules of the call center a request can break; each becomes one kind of problem details answer. */
public enum Rule {

	CALL_NOT_FOUND(HttpStatus.NOT_FOUND, "Unknown call", "No call has this id (or it ended long ago)."),
	AGENT_NOT_FOUND(HttpStatus.NOT_FOUND, "Unknown agent", "No agent with this id has ever been online."),
	NOT_YOUR_CALLER(HttpStatus.FORBIDDEN, "Not your caller", "This call is assigned to another agent."),
	AGENT_OFFLINE(HttpStatus.CONFLICT, "Agent offline", "The agent must be online to do this."),
	CALL_ENDED(HttpStatus.CONFLICT, "Call ended", "The call has already ended."),
	CALL_NOT_ON_HOLD(HttpStatus.CONFLICT, "Call not on hold", "Only a call on hold can be resumed."),
	CALL_NOT_IN_PROGRESS(HttpStatus.CONFLICT, "Call not in progress", "Only a call in progress can be put on hold."),
	CALLER_NOT_CONNECTED(HttpStatus.CONFLICT, "Caller not connected",
			"The caller has not connected to the call yet; it can be accepted once it has."),
	CALLER_RECONNECTING(HttpStatus.CONFLICT, "Caller reconnecting",
			"The caller's connection was lost; the call can be taken once the caller is back."),
	CALL_EXISTS(HttpStatus.CONFLICT, "Call exists", "A call with this id already exists.");

	private final HttpStatus status;

	private final String title;

	private final String detail;

	Rule(HttpStatus status, String title, String detail) {
		this.status = status;
		this.title = title;
		this.detail = detail;
	}

	public HttpStatus status() {
		return this.status;
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
