package org.callcenter.stats.api;

import org.callcenter.stats.figures.AgentQuarter;

/**
 * One agent's figures over a time (an interval, today), as the API shows them: as the
 * totals of {@link AgentStats}, for the calls that reached the center in that time and
 * the wrap-ups that began in it.
 *
 * @param answered calls it accepted (a take-over from a colleague included)
 * @param handleSeconds the time it had those calls, talking and holding, and its finished
 * wrap-ups
 * @param averageHandleSeconds {@code handleSeconds} per answered call; null with none
 * @param wrapUps its finished wrap-ups
 * @param wrapUpSeconds their time (part of {@code handleSeconds})
 */
record AgentFigureView(long answered, long handleSeconds, Double averageHandleSeconds, long wrapUps,
		long wrapUpSeconds) {

	static final AgentFigureView NONE = of(AgentQuarter.NONE);

	static AgentFigureView of(AgentQuarter sum) {
		long handleMillis = sum.handleMillis() + sum.wrapUpMillis();
		return new AgentFigureView(sum.answered(), handleMillis / 1000,
				(sum.answered() > 0) ? handleMillis / 1000.0 / sum.answered() : null, sum.wrapUps(),
				sum.wrapUpMillis() / 1000);
	}

}
