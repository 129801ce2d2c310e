package org.callcenter.token.opentok;

/** The connection is not (or no longer) in the session. */
public class UnknownConnection extends RuntimeException {

	public UnknownConnection() {
		super("connection not in session");
	}

}
