package org.callcenter.stats.api;

/** An agent asked for another agent's figures. */
class NotYourFigures extends RuntimeException {

	NotYourFigures() {
		super("an agent reads only its own figures");
	}

}
