package org.callcenter.gateway.system;

import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationScopeTest {

	private final ObservationPredicate predicate = new ObservationScope().noObservationOfEventStreams();

	@Test
	void leavesOutOnlyThePagesEventStreams() {
		assertThat(observed("/api/agent/events")).isFalse();
		assertThat(observed("/api/calls/4f1c/events")).isFalse();
		assertThat(observed("/api/calls")).isTrue();
		assertThat(observed("/api/calls/4f1c")).isTrue();
		assertThat(observed("/api/calls/4f1c/event-tickets")).isTrue();
		assertThat(observed("/api/agent")).isTrue();
		assertThat(observed("/caller.html")).isTrue();
		assertThat(observed("/api/calls/4f1c/events/extra")).isTrue();
	}

	private boolean observed(String path) {
		MockServerHttpRequest request = MockServerHttpRequest.get(path).build();
		return this.predicate.test("http.server.requests",
				new ServerRequestObservationContext(request, new MockServerHttpResponse(), java.util.Map.of()));
	}

}
