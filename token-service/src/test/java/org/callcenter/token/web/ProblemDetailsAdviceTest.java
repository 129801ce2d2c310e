package org.callcenter.token.web;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.callcenter.token.opentok.InvalidOpenTokRequest;
import org.callcenter.token.opentok.OpenTokUnavailable;
import org.callcenter.token.opentok.UnknownConnection;

import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsAdviceTest {

	private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

	@Test
	void anOpenTokFailureIs502AndKeepsOpenTokssMessageToItself() {
		ProblemDetail problem = this.advice
			.openTokFailed(new OpenTokUnavailable("send a signal", new IOException("api key 12345678 rejected")));

		assertThat(problem.getStatus()).isEqualTo(502);
		assertThat(problem.getType()).hasToString("urn:callcenter:problem:opentok-unavailable");
		assertThat(problem.getDetail()).doesNotContain("12345678");
	}

	@Test
	void anInvalidRequestIs400AndSaysWhy() {
		ProblemDetail problem = this.advice
			.invalidRequest(new InvalidOpenTokRequest("the session does not belong to this OpenTok project", null));

		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getType()).hasToString("urn:callcenter:problem:invalid-opentok-request");
		assertThat(problem.getDetail()).isEqualTo("the session does not belong to this OpenTok project.");
	}

	@Test
	void anUnknownConnectionIs404() {
		ProblemDetail problem = this.advice.unknownConnection(new UnknownConnection());

		assertThat(problem.getStatus()).isEqualTo(404);
		assertThat(problem.getType()).hasToString("urn:callcenter:problem:connection-not-found");
	}

}
