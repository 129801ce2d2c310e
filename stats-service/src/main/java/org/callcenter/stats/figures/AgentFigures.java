package org.callcenter.stats.figures;

/**
 * One agent's totals.
 *
 * @param answered calls it accepted (a call it took over from a colleague counts for it
 * too; a call it accepted twice counts once)
 * @param handleMillis the time it had those calls, talking or holding, up to when it
 * passed each on, lost it or the call ended
 */
public record AgentFigures(long answered, long handleMillis) {

	public static final AgentFigures NONE = new AgentFigures(0, 0);

	AgentFigures plus(AgentFigures change) {
		return new AgentFigures(this.answered + change.answered, this.handleMillis + change.handleMillis);
	}

}
