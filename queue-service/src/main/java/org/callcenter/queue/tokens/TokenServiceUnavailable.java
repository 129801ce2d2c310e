package org.callcenter.queue.tokens;

/** token-service did not answer, or answered with an error; nothing was changed. */
public class TokenServiceUnavailable extends RuntimeException {

	public TokenServiceUnavailable(Throwable cause) {
		super("token-service did not provide a session or token", cause);
	}

}
