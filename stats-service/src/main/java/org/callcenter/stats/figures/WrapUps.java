package org.callcenter.stats.figures;

/**
 * Finished wrap-ups summed: per agent, or per interval they began in.
 *
 * @param count wrap-ups (one per call whose end started or restarted one)
 * @param millis their summed time
 */
public record WrapUps(long count, long millis) {

	public static final WrapUps NONE = new WrapUps(0, 0);

	public WrapUps plus(WrapUps other) {
		return new WrapUps(this.count + other.count, this.millis + other.millis);
	}

	WrapUps plus(WrapUp wrapUp) {
		return new WrapUps(this.count + 1, this.millis + wrapUp.millis());
	}

	/** Average wrap-up in seconds; null with none finished. */
	public Double averageSeconds() {
		return (this.count > 0) ? this.millis / 1000.0 / this.count : null;
	}

}
