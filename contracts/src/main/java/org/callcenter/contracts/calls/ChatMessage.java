package org.callcenter.contracts.calls;

import java.time.Instant;

/**
 * One message of the text chat between a caller and its agent during their call, kept
 * with the call and told on its {@code MESSAGE} event.
 *
 * @param seq 1, 2, ... within the call: a page drops a message it already shows
 * @param from {@value #FROM_CALLER} or {@value #FROM_AGENT}
 * @param name the display name of whoever wrote it
 */
public record ChatMessage(long seq, String from, String name, String text, Instant at) {

	public static final String FROM_CALLER = "caller";

	public static final String FROM_AGENT = "agent";

}
