package org.callcenter.stats.instances;

/**
 * The header that marks a request one instance forwards to another: answer from your own
 * stores only. It is honoured only together with a valid signed identity, which every
 * statistics request needs (the instance forwards the one it was asked with).
 */
final class LocalOnly {

	static final String HEADER = "X-Stats-Local";

	private LocalOnly() {
	}

}
