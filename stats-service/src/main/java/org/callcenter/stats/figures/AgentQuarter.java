package org.callcenter.stats.figures;

/**
 * One agent's figures in one quarter hour: its share of the calls that reached the center
 * in it (as in {@link AgentFigures}), and its wrap-ups that began in it (as in
 * {@link WrapUps}). Only sums, so changes add up and hours and days are sums of quarter
 * hours.
 *
 * @param answered calls it accepted (a take-over from a colleague included), counted once
 * per call
 * @param handleMillis the time it had those calls, talking or holding, up to when it
 * passed each on, lost it or the call ended
 * @param wrapUps its finished wrap-ups that began in the quarter hour
 * @param wrapUpMillis their summed time
 */
public record AgentQuarter(long answered, long handleMillis, long wrapUps, long wrapUpMillis) {

	public static final AgentQuarter NONE = new AgentQuarter(0, 0, 0, 0);

	/** A change of the agent's share in a call. */
	static AgentQuarter of(AgentFigures change) {
		return new AgentQuarter(change.answered(), change.handleMillis(), 0, 0);
	}

	/** One finished wrap-up. */
	static AgentQuarter of(WrapUp wrapUp) {
		return new AgentQuarter(0, 0, 1, wrapUp.millis());
	}

	public AgentQuarter plus(AgentQuarter other) {
		return new AgentQuarter(this.answered + other.answered, this.handleMillis + other.handleMillis,
				this.wrapUps + other.wrapUps, this.wrapUpMillis + other.wrapUpMillis);
	}

}
