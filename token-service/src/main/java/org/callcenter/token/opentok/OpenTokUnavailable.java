package org.callcenter.token.opentok;

/** OpenTok refused a request or did not answer in time. */
public class OpenTokUnavailable extends RuntimeException {

	public OpenTokUnavailable(String what, Throwable cause) {
		super(what, cause);
	}

}
