package org.callcenter.queue.store;

/** A request broke a rule of the call center; nothing was changed. */
public class RuleViolation extends RuntimeException {

	private final Rule rule;

	public RuleViolation(Rule rule) {
		super(rule.title());
		this.rule = rule;
	}

	public Rule rule() {
		return this.rule;
	}

}
