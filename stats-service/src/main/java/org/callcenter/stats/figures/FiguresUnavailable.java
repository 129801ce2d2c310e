package org.callcenter.stats.figures;

/**
 * The figures cannot be read right now: the service is starting, restoring its stores
 * from their changelogs, or rebalancing. Asking again shortly works.
 */
public class FiguresUnavailable extends RuntimeException {

	public FiguresUnavailable(String storeName, Throwable cause) {
		super("store " + storeName + " is not queryable now", cause);
	}

}
