package org.callcenter.stats.api;

/** A request without a valid signed agent identity. */
class AccessDenied extends RuntimeException {

	AccessDenied() {
		super("missing or invalid agent identity");
	}

}
