package org.callcenter.queue.web;

/** A request without the credential its endpoint needs. */
abstract sealed class AccessDenied extends RuntimeException {

	AccessDenied(String message) {
		super(message);
	}

	static final class NotAuthenticated extends AccessDenied {

		NotAuthenticated() {
			super("missing or invalid credential");
		}

	}

	static final class NotPermitted extends AccessDenied {

		NotPermitted() {
			super("credential for someone else");
		}

	}

}
