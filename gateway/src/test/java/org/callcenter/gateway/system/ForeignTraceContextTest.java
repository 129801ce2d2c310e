package org.callcenter.gateway.system;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ForeignTraceContextTest {

	@Test
	void traceContextFromOutsideIsDroppedAndEverythingElseKept() {
		ServerHttpRequest request = MockServerHttpRequest.post("/api/calls")
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.header("tracestate", "vendor=1")
			.header("baggage", "tenant=mallory")
			.header("b3", "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1")
			.header("X-B3-TraceId", "4bf92f3577b34da6a3ce929d0e0e4736")
			.header("Content-Type", "application/json")
			.header("Origin", "http://localhost:8080")
			.build();

		ServerHttpRequest cleaned = ForeignTraceContext.withoutTraceContext(request);

		assertThat(cleaned.getHeaders().headerNames()).containsExactlyInAnyOrder("Content-Type", "Origin");
		assertThat(cleaned.getPath().value()).isEqualTo("/api/calls");
	}

	@Test
	void aRequestWithoutTraceContextIsPassedOnAsItIs() {
		ServerHttpRequest request = MockServerHttpRequest.get("/agent.html").header("Accept", "text/html").build();

		assertThat(ForeignTraceContext.withoutTraceContext(request)).isSameAs(request);
	}

}
