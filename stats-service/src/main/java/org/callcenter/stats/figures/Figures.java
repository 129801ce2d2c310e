package org.callcenter.stats.figures;

/**
 * Call counts and summed times of a set of calls (the whole center, or the calls that
 * reached it in one interval). Only sums are kept, so one call's contribution can be
 * added and later taken away again when its summary changes (answered, then ended); the
 * rates and averages are worked out when read.
 *
 * @param offered calls that reached the center
 * @param answered calls an agent accepted
 * @param answeredInThreshold answered calls accepted within the service-level threshold
 * @param abandoned calls whose caller gave up before any agent accepted
 * @param shortAbandoned those of {@code abandoned} whose caller gave up within the short
 * abandon time
 * @param answerMillis summed time from reaching the center to the first accept
 * @param handled answered calls that have ended
 * @param handleMillis summed time from the first accept to the end of {@code handled}
 * calls
 */
public record Figures(long offered, long answered, long answeredInThreshold, long abandoned, long shortAbandoned,
		long answerMillis, long handled, long handleMillis) {

	public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0);

	public Figures plus(Figures other) {
		return new Figures(this.offered + other.offered, this.answered + other.answered,
				this.answeredInThreshold + other.answeredInThreshold, this.abandoned + other.abandoned,
				this.shortAbandoned + other.shortAbandoned, this.answerMillis + other.answerMillis,
				this.handled + other.handled, this.handleMillis + other.handleMillis);
	}

	public Figures minus(Figures other) {
		return new Figures(this.offered - other.offered, this.answered - other.answered,
				this.answeredInThreshold - other.answeredInThreshold, this.abandoned - other.abandoned,
				this.shortAbandoned - other.shortAbandoned, this.answerMillis - other.answerMillis,
				this.handled - other.handled, this.handleMillis - other.handleMillis);
	}

	/**
	 * Answered within the threshold over answered plus abandoned, short abandons left out
	 * of both; null while no call counts.
	 */
	public Double serviceLevel() {
		long counted = this.answered + this.abandoned - this.shortAbandoned;
		return (counted > 0) ? (double) this.answeredInThreshold / counted : null;
	}

	/** Abandoned over offered, short abandons left out of both; null with no calls. */
	public Double abandonRate() {
		long counted = this.offered - this.shortAbandoned;
		return (counted > 0) ? (double) (this.abandoned - this.shortAbandoned) / counted : null;
	}

	/** Average speed of answer in seconds; null with no answered call. */
	public Double averageSpeedOfAnswerSeconds() {
		return (this.answered > 0) ? this.answerMillis / 1000.0 / this.answered : null;
	}

	/** Average handle time in seconds; null with no ended answered call. */
	public Double averageHandleSeconds() {
		return (this.handled > 0) ? this.handleMillis / 1000.0 / this.handled : null;
	}

}
