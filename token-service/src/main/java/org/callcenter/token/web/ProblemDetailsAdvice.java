package org.callcenter.token.web;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.token.opentok.InvalidOpenTokRequest;
import org.callcenter.token.opentok.OpenTokUnavailable;
import org.callcenter.token.opentok.UnknownConnection;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors as RFC 9457 problem details: bad input 400, unknown connection 404, OpenTok
 * failures 502.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler
	ProblemDetail openTokFailed(OpenTokUnavailable failure) {
		log.warn("OpenTok failed to {}: {}", failure.getMessage(), String.valueOf(failure.getCause()));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"OpenTok did not complete the request; try again.");
		problem.setTitle("OpenTok unavailable");
		problem.setType(URI.create("urn:callcenter:problem:opentok-unavailable"));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidOpenTokRequest invalid) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage() + ".");
		problem.setTitle("Invalid OpenTok request");
		problem.setType(URI.create("urn:callcenter:problem:invalid-opentok-request"));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unknownConnection(UnknownConnection unknown) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"That connection is not in the session.");
		problem.setTitle("Unknown connection");
		problem.setType(URI.create("urn:callcenter:problem:connection-not-found"));
		return problem;
	}

}
