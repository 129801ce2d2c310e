package org.callcenter.queue.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.queue.routing.QueueClosed;
import org.callcenter.queue.store.Rule;
import org.callcenter.queue.store.RuleViolation;
import org.callcenter.queue.tokens.TokenServiceUnavailable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;

/**
 * Every error as RFC 9457 problem details. Spring's base class covers malformed and
 * invalid input (400); the call-center rules map to 403, 404 and 409; dependencies that
 * fail map to 502 and 503. Messages of unexpected exceptions never reach the client.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler
	ProblemDetail ruleViolated(RuleViolation violation) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(violation.rule()), violation.rule().detail());
		problem.setTitle(violation.rule().title());
		problem.setType(violation.rule().type());
		if (violation instanceof QueueClosed closed && closed.opensAt() != null) {
			problem.setProperty("opensAt", closed.opensAt());
		}
		return problem;
	}

	/**
	 * The store says which rule was broken; how that reads in HTTP is decided here. The
	 * switch has no default, so a new rule does not compile until it has a status.
	 */
	private static HttpStatus status(Rule rule) {
		return switch (rule) {
			case CALL_NOT_FOUND, AGENT_NOT_FOUND -> HttpStatus.NOT_FOUND;
			case UNKNOWN_QUEUE -> HttpStatus.BAD_REQUEST;
			case NOT_YOUR_CALLER -> HttpStatus.FORBIDDEN;
			case AGENT_OFFLINE, CALL_ENDED, CALL_NOT_ON_HOLD, CALL_NOT_IN_PROGRESS, CALLER_NOT_CONNECTED,
					CALLER_RECONNECTING, CALL_EXISTS, CALL_NOT_ENDED, CALL_NOT_OFFERED, TRANSFER_TARGET_UNAVAILABLE,
					CHAT_FULL, CONSULT_IN_PROGRESS, NOT_CONSULTED, CONSULT_NOT_JOINED, NOBODY_SIGNED_IN, QUEUE_CLOSED ->
				HttpStatus.CONFLICT;
		};
	}

	@ExceptionHandler
	ProblemDetail accessDenied(AccessDenied denied) {
		return (denied instanceof AccessDenied.NotPermitted)
				? problem(HttpStatus.FORBIDDEN, "Forbidden", "forbidden", "This belongs to someone else.")
				: problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "unauthorized",
						"Sign in, or present your call's credential.");
	}

	@ExceptionHandler
	ProblemDetail tokenServiceFailed(TokenServiceUnavailable failure) {
		log.warn("token-service failed: {}", String.valueOf(failure.getCause()));
		return problem(HttpStatus.BAD_GATEWAY, "OpenTok unavailable", "token-service-unavailable",
				"Could not get a video session or token; nothing was changed. Try again.");
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, QueryTimeoutException.class })
	ProblemDetail redisFailed(Exception failure) {
		log.warn("Redis unavailable: {}", failure.toString());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Queue unavailable", "queue-store-unavailable",
				"The call queue's store is unavailable; nothing was changed. Try again shortly.");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("urn:callcenter:problem:" + type));
		return problem;
	}

}
