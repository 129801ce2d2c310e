package org.callcenter.queue.agent;

import jakarta.validation.constraints.Size;

import org.callcenter.queue.store.CallNotes;

/**
 * An agent's outcome and notes on a call; both optional.
 *
 * @param outcome one of the configured outcomes
 * @param notes free text
 */
record NotesRequest(String outcome, @Size(max = 2000) String notes) {

	static final NotesRequest NONE = new NotesRequest(null, null);

	CallNotes toNotes() {
		return new CallNotes(blankToNull(this.outcome), blankToNull(this.notes));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
