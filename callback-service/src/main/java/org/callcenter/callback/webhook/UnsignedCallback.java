package org.callcenter.callback.webhook;

/** Signed callbacks are required and this one's signature is missing or wrong. */
class UnsignedCallback extends RuntimeException {

	UnsignedCallback(String detail) {
		super(detail);
	}

}
