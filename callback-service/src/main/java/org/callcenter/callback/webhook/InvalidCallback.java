package org.callcenter.callback.webhook;

/** A body OpenTok could never have sent; the detail names what is wrong. */
class InvalidCallback extends RuntimeException {

	InvalidCallback(String detail) {
		super(detail);
	}

}
