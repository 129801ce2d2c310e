package org.callcenter.queue.store;

/**
 * What an agent records about a call it handled, for the call center (never shown to the
 * caller): an outcome code and free text.
 *
 * @param outcome one of the configured outcomes, or null
 * @param text free-text notes, or null
 */
public record CallNotes(String outcome, String text) {

	/** Nothing recorded. */
	public static final CallNotes NONE = new CallNotes(null, null);

	String outcomeOrEmpty() {
		return (this.outcome != null) ? this.outcome : "";
	}

	String textOrEmpty() {
		return (this.text != null) ? this.text : "";
	}

}
