package org.callcenter.stats.api;

import org.callcenter.stats.figures.Figures;
import org.callcenter.stats.figures.WrapUps;

/**
 * Figures as the API shows them: counts, and the rates and averages worked out from them
 * (null where nothing counts yet, rather than a misleading 0 or 100 %).
 *
 * @param serviceLevel share (0 to 1) of answered and abandoned calls answered within the
 * threshold, short abandons left out
 * @param abandonRate share (0 to 1) of offered calls abandoned, short abandons left out
 * @param averageHandleSeconds talk, hold and finished wrap-ups per answered call that has
 * ended
 * @param wrapUps finished wrap-ups (those that began in the interval, for an interval)
 * @param averageWrapUpSeconds their average length
 */
record FigureView(long offered, long answered, long answeredInThreshold, long abandoned, long shortAbandoned,
		long handled, Double serviceLevel, Double abandonRate, Double averageSpeedOfAnswerSeconds,
		Double averageHandleSeconds, long wrapUps, Double averageWrapUpSeconds) {

	/**
	 * The handle time is the calls' talk and hold ({@link Figures#handleMillis()}) plus
	 * the wrap-ups finished after them: a wrap-up still under way is added when it ends.
	 */
	static FigureView of(Figures figures, WrapUps wrapUps) {
		Double averageHandleSeconds = (figures.handled() > 0)
				? (figures.handleMillis() + wrapUps.millis()) / 1000.0 / figures.handled() : null;
		return new FigureView(figures.offered(), figures.answered(), figures.answeredInThreshold(), figures.abandoned(),
				figures.shortAbandoned(), figures.handled(), figures.serviceLevel(), figures.abandonRate(),
				figures.averageSpeedOfAnswerSeconds(), averageHandleSeconds, wrapUps.count(), wrapUps.averageSeconds());
	}

}
