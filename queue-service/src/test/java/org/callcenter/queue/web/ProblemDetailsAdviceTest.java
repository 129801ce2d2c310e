package org.callcenter.queue.web;

import java.io.IOException;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.callcenter.queue.store.Rule;
import org.callcenter.queue.store.RuleViolation;
import org.callcenter.queue.tokens.TokenServiceUnavailable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/** The answers a refused request gets: the rule it broke, as RFC 9457 problem details. */
class ProblemDetailsAdviceTest {

	private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

	@Test
	void anUnknownCallOrAgentIs404() {
		assertThat(statusOf(Rule.CALL_NOT_FOUND)).isEqualTo(404);
		assertThat(statusOf(Rule.AGENT_NOT_FOUND)).isEqualTo(404);
	}

	@Test
	void actingOnAnotherAgentsCallerIs403() {
		assertThat(statusOf(Rule.NOT_YOUR_CALLER)).isEqualTo(403);
	}

	@Test
	void aQueueNoQueueHasIsABadRequest() {
		assertThat(statusOf(Rule.UNKNOWN_QUEUE)).isEqualTo(400);
	}

	@Test
	void aChangeTheCallsCurrentStateDoesNotAllowIs409() {
		EnumSet<Rule> notFoundOrNotYours = EnumSet.of(Rule.CALL_NOT_FOUND, Rule.AGENT_NOT_FOUND, Rule.NOT_YOUR_CALLER,
				Rule.UNKNOWN_QUEUE);
		for (Rule rule : EnumSet.complementOf(notFoundOrNotYours)) {
			assertThat(statusOf(rule)).as(rule.name()).isEqualTo(409);
		}
	}

	@ParameterizedTest
	@EnumSource(Rule.class)
	void everyRuleSaysInWordsWhatWasBroken(Rule rule) {
		ProblemDetail problem = this.advice.ruleViolated(new RuleViolation(rule));

		assertThat(problem.getType()).isEqualTo(rule.type());
		assertThat(problem.getTitle()).isEqualTo(rule.title());
		assertThat(problem.getDetail()).isEqualTo(rule.detail()).isNotBlank();
	}

	@Test
	void noCredentialIs401AndSomeoneElsesIs403() {
		ProblemDetail missing = this.advice.accessDenied(new AccessDenied.NotAuthenticated());
		ProblemDetail foreign = this.advice.accessDenied(new AccessDenied.NotPermitted());

		assertThat(missing.getStatus()).isEqualTo(401);
		assertThat(missing.getType()).hasToString("urn:callcenter:problem:unauthorized");
		assertThat(foreign.getStatus()).isEqualTo(403);
		assertThat(foreign.getType()).hasToString("urn:callcenter:problem:forbidden");
	}

	@Test
	void aTokenServiceFailureIs502AndSaysNothingChangedWithoutItsCause() {
		ProblemDetail problem = this.advice
			.tokenServiceFailed(new TokenServiceUnavailable(new IOException("http://10.1.2.3:8083 refused")));

		assertThat(problem.getStatus()).isEqualTo(502);
		assertThat(problem.getDetail()).contains("nothing was changed").doesNotContain("10.1.2.3");
	}

	@Test
	void redisOutOfReachIs503WithoutItsCause() {
		for (Exception failure : new Exception[] { new DataAccessResourceFailureException("redis-7:6379 down"),
				new QueryTimeoutException("redis-7:6379 timed out") }) {
			ProblemDetail problem = this.advice.redisFailed(failure);

			assertThat(problem.getStatus()).isEqualTo(503);
			assertThat(problem.getType()).hasToString("urn:callcenter:problem:queue-store-unavailable");
			assertThat(problem.getDetail()).doesNotContain("redis-7");
		}
	}

	private int statusOf(Rule rule) {
		return this.advice.ruleViolated(new RuleViolation(rule)).getStatus();
	}

}
