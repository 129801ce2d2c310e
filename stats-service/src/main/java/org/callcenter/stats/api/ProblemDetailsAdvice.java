package org.callcenter.stats.api;

import java.net.URI;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.stats.figures.FiguresUnavailable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details: malformed parameters (Spring's base class) and
 * bad ranges are 400, a missing identity 401, stores that cannot be read yet 503 with
 * {@code Retry-After}. Messages of unexpected exceptions never reach the client.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler
	ProblemDetail accessDenied(AccessDenied denied) {
		return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "unauthorized", "Sign in as a supervisor.");
	}

	@ExceptionHandler
	ProblemDetail notYourFigures(NotYourFigures denied) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", "forbidden", "An agent reads only its own figures.");
	}

	@ExceptionHandler
	ProblemDetail invalidRange(InvalidRange invalid) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid range", "invalid-range", invalid.getMessage());
	}

	/**
	 * Kafka Streams is starting, restoring the stores from their changelogs or
	 * rebalancing.
	 */
	@ExceptionHandler({ FiguresUnavailable.class, InvalidStateStoreException.class })
	ResponseEntity<ProblemDetail> figuresUnavailable(RuntimeException unavailable) {
		log.info("figures not queryable: {}", unavailable.toString());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "2")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Figures unavailable", "figures-unavailable",
					"The statistics are being loaded; try again in a moment."));
	}

	private static ProblemDetail problem(HttpStatus status, String title, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("urn:callcenter:problem:" + type));
		return problem;
	}

}
