package org.callcenter.gateway.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

	@Test
	void aRefusalIsWrittenAsProblemDetailsInTheServicesShape() {
		MockServerHttpResponse response = new MockServerHttpResponse();

		Problems.write(response, HttpStatus.FORBIDDEN, "cross-origin-request", "Only our own pages.").block();

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = JsonMapper.builder().build().readTree(response.getBodyAsString().block());
		assertThat(problem.get("type").asString()).isEqualTo("urn:callcenter:problem:cross-origin-request");
		assertThat(problem.get("title").asString()).isEqualTo("Forbidden");
		assertThat(problem.get("status").asInt()).isEqualTo(403);
		assertThat(problem.get("detail").asString()).isEqualTo("Only our own pages.");
	}

	@Test
	void quotesInTheDetailCannotBreakTheJson() {
		MockServerHttpResponse response = new MockServerHttpResponse();

		Problems.write(response, HttpStatus.BAD_REQUEST, "malformed-form", "a \"quoted\" word").block();

		JsonNode problem = JsonMapper.builder().build().readTree(response.getBodyAsString().block());
		assertThat(problem.get("detail").asString()).isEqualTo("a 'quoted' word");
	}

}
