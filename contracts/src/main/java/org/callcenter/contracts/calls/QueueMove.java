package org.callcenter.contracts.calls;

/**
 * A call that joined or left the pending queue while some waiting call was behind it, so
 * that a waiting caller's page can work out its own place from the move alone instead of
 * reading its call again.
 *
 * <p>
 * A waiting caller's place is one more than the number of waiting calls that arrived
 * before it. So a move changes the place of exactly the callers who arrived later than
 * {@code arrival}: one back when the call joined (a caller coming back from an agent who
 * left goes ahead of later arrivals), one forward when it left (assigned, or ended); a
 * caller who arrived earlier keeps its place. Moves nobody is behind (a new caller at the
 * end of the line) change no place and are not numbered.
 *
 * <p>
 * Each queue has its own line: {@code version} numbers the moves of one queue one by one,
 * and a page applies only the moves of its call's queue. A call read while waiting
 * carries the version its place was read at. A page that has its place at version
 * {@code v} applies moves {@code v+1, v+2, ...} in that order; one that sees a later move
 * while an earlier one is missing (events of different calls travel on different
 * partitions, or a stream missed some) waits a moment for it and otherwise reads its call
 * once.
 *
 * @param version the queue's version after this move (the first move is 1)
 * @param arrival the arrival of the call that moved (the order callers are served in)
 * @param joined true when the call joined the queue, false when it left it
 * @param queue the queue the move happened in; null from servers that had one queue
 */
public record QueueMove(long version, long arrival, boolean joined, String queue) {

	/** A move of a call center with one queue. */
	public QueueMove(long version, long arrival, boolean joined) {
		this(version, arrival, joined, null);
	}

}
