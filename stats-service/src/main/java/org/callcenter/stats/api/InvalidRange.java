package org.callcenter.stats.api;

/** A report range that is empty, reversed or too long. */
class InvalidRange extends RuntimeException {

	InvalidRange(String detail) {
		super(detail);
	}

}
