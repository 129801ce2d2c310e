package org.callcenter.gateway.system;

import java.util.List;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What the gateway observes (metrics and trace spans). Every request stays observed as
 * {@code http.server.requests}, except the pages' event streams; Spring Security's own
 * observations are off. Measured with thousands of open caller streams: the heap held
 * about 10 observations per open stream (one per security filter, each with its context
 * and span), and it ran out between 6,000 and 10,000 streams at the launcher's 384 MB.
 */
@Configuration(proxyBeanMethods = false)
class ObservationScope {

	static final List<PathPattern> EVENT_STREAMS = List.of(PathPatternParser.defaultInstance.parse("/api/agent/events"),
			PathPatternParser.defaultInstance.parse("/api/calls/{callId}/events"));

	/**
	 * Spring Security observes each filter of its chain and each authorization as a span
	 * of its own: a dozen per request, which add nothing the request's own span and the
	 * sign-in log lines do not say.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * An event stream is open as long as its page: one span hours long, kept in memory
	 * until the page closes. What a stream carries is traced anyway: each push continues
	 * the trace of the change that caused it (through the outbox and Kafka).
	 */
	@Bean
	ObservationPredicate noObservationOfEventStreams() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& isEventStream(request.getCarrier()));
	}

	static boolean isEventStream(ServerHttpRequest request) {
		return EVENT_STREAMS.stream().anyMatch((pattern) -> pattern.matches(request.getPath().pathWithinApplication()));
	}

}
