package org.callcenter.queue.tokens;

import org.springframework.web.client.HttpClientErrorException;

/** token-service did not answer, or answered with an error; nothing was changed. */
public class TokenServiceUnavailable extends RuntimeException {

	public TokenServiceUnavailable(Throwable cause) {
		super("token-service did not provide a session or token", cause);
	}

	/**
	 * Whether token-service refused the request itself (4xx: for instance a session of
	 * another OpenTok project), so that asking again with the same session would fail the
	 * same way.
	 */
	public boolean refusedTheRequest() {
		return getCause() instanceof HttpClientErrorException;
	}

}
