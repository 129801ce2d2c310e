package org.callcenter.queue.store;

import java.time.Duration;

/**
 * How one agent is given callers and what follows its calls, fixed when it goes online.
 *
 * @param wrapUp how long it takes no new callers after a call it talked on; zero for no
 * wrap-up
 * @param offerTimeout how long it has to answer a caller offered to it; zero when callers
 * are assigned to it without an offer
 * @param missedOffersBeforeAway offers it may leave unanswered in a row before it is made
 * away; 0 for never
 */
public record AgentTerms(Duration wrapUp, Duration offerTimeout, int missedOffersBeforeAway) {

	/** Assigned without offers, no wrap-up: how agents worked before either existed. */
	public static final AgentTerms DIRECT = new AgentTerms(Duration.ZERO, Duration.ZERO, 0);

}
