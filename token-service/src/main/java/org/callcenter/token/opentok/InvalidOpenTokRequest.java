package org.callcenter.token.opentok;

/**
 * OpenTok refused the request as invalid (for example a session of another project);
 * retrying will not help.
 */
public class InvalidOpenTokRequest extends RuntimeException {

	public InvalidOpenTokRequest(String message, Throwable cause) {
		super(message, cause);
	}

}
