package org.callcenter.queue.agent;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A value that must be one of a configured list (an away reason, an outcome) is not: 400
 * with the list, so a client can tell its user what is allowed.
 */
class UnknownChoice extends ErrorResponseException {

	UnknownChoice(String what, String value, List<String> allowed) {
		super(HttpStatus.BAD_REQUEST, problem(what, value, allowed), null);
	}

	private static ProblemDetail problem(String what, String value, List<String> allowed) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				(value == null || value.isEmpty() ? "No " + what + " given" : "'" + value + "' is not an " + what)
						+ "; choose one of: " + String.join(", ", allowed) + ".");
		problem.setTitle("Unknown " + what);
		problem.setType(URI.create("urn:callcenter:problem:unknown-" + what.replace(' ', '-')));
		problem.setProperty("allowed", allowed);
		return problem;
	}

}
