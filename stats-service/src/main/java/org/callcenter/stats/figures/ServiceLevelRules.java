package org.callcenter.stats.figures;

import java.time.Duration;

/**
 * What counts as answered in time and what as a short abandon. A call's summary records
 * the verdict when it is reached, so a changed setting applies to later calls and never
 * makes a stored figure inconsistent (a contribution is always taken away exactly as it
 * was added).
 *
 * @param threshold answered at or within this time after reaching the center is in
 * service level
 * @param shortAbandon a caller who gives up in less than this time is a short abandon
 */
public record ServiceLevelRules(Duration threshold, Duration shortAbandon) {

	boolean inThreshold(Duration answerTime) {
		return answerTime.compareTo(this.threshold) <= 0;
	}

	boolean shortAbandon(Duration waited) {
		return waited.compareTo(this.shortAbandon) < 0;
	}

}
