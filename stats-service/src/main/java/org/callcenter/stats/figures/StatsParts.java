package org.callcenter.stats.figures;

import java.time.Instant;
import java.util.Map;

/**
 * The stores' contents the API's answers are made of, as sums that can be added up: one
 * instance's own stores ({@link LocalStatsParts}), or those of every instance that shares
 * the work.
 */
public interface StatsParts {

	/**
	 * The center's figures and waiting calls; {@link CenterFigures#none()} if unknown.
	 */
	CenterFigures center();

	/** The quarter hours from {@code from} to {@code to} that hold anything, by start. */
	Map<Instant, QuarterPart> quarters(Instant from, Instant to);

	/** Every agent with a state, figures or wrap-ups, by id. */
	Map<String, AgentPart> agents();

	/**
	 * Per agent (by id), its quarter hours from {@code from} to {@code to} that hold
	 * anything, by start.
	 */
	Map<String, Map<Instant, AgentQuarter>> agentQuarters(Instant from, Instant to);

	/**
	 * One quarter hour: the figures of the calls that reached the center in it, and the
	 * wrap-ups that began in it.
	 */
	record QuarterPart(Figures figures, WrapUps wrapUps) {

		public static final QuarterPart NONE = new QuarterPart(Figures.NONE, WrapUps.NONE);

		public QuarterPart {
			figures = (figures != null) ? figures : Figures.NONE;
			wrapUps = (wrapUps != null) ? wrapUps : WrapUps.NONE;
		}

		public QuarterPart plus(QuarterPart other) {
			return new QuarterPart(this.figures.plus(other.figures), this.wrapUps.plus(other.wrapUps));
		}

	}

	/**
	 * One agent: its status (null where not known), its call figures and wrap-ups.
	 */
	record AgentPart(AgentStatus status, AgentFigures figures, WrapUps wrapUps) {

		public static final AgentPart NONE = new AgentPart(null, AgentFigures.NONE, WrapUps.NONE);

		public AgentPart {
			figures = (figures != null) ? figures : AgentFigures.NONE;
			wrapUps = (wrapUps != null) ? wrapUps : WrapUps.NONE;
		}

		/**
		 * Parts of one agent from different stores (or instances): the status from where
		 * there is one, the sums added.
		 */
		public AgentPart plus(AgentPart other) {
			AgentStatus newer = (this.status == null) ? other.status
					: (other.status == null || other.status.lastSeq() <= this.status.lastSeq()) ? this.status
							: other.status;
			return new AgentPart(newer,
					new AgentFigures(this.figures.answered() + other.figures.answered(),
							this.figures.handleMillis() + other.figures.handleMillis()),
					this.wrapUps.plus(other.wrapUps));
		}

	}

}
