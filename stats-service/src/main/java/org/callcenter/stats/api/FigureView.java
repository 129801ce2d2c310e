package org.callcenter.stats.api;

import org.callcenter.stats.figures.Figures;

/**
 * Figures as the API shows them: counts, and the rates and averages worked out from them
 * (null where nothing counts yet, rather than a misleading 0 or 100 %).
 *
 * @param serviceLevel share (0 to 1) of answered and abandoned calls answered within the
 * threshold, short abandons left out
 * @param abandonRate share (0 to 1) of offered calls abandoned, short abandons left out
 */
record FigureView(long offered, long answered, long answeredInThreshold, long abandoned, long shortAbandoned,
		long handled, Double serviceLevel, Double abandonRate, Double averageSpeedOfAnswerSeconds,
		Double averageHandleSeconds) {

	static FigureView of(Figures figures) {
		return new FigureView(figures.offered(), figures.answered(), figures.answeredInThreshold(), figures.abandoned(),
				figures.shortAbandoned(), figures.handled(), figures.serviceLevel(), figures.abandonRate(),
				figures.averageSpeedOfAnswerSeconds(), figures.averageHandleSeconds());
	}

}
