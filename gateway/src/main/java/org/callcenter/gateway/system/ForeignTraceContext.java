package org.callcenter.gateway.system;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The gateway starts every trace itself: trace context from outside (W3C
 * {@code traceparent}, {@code tracestate} and {@code baggage}, B3) is dropped before the
 * request is observed, so a client can neither choose the trace ids of its requests nor
 * slip baggage into every internal request and Kafka record its call causes. Only the
 * gateway faces clients; the services behind it continue the trace the gateway passes on.
 */
@Component
class ForeignTraceContext implements HttpHandlerDecoratorFactory {

	static final List<String> HEADERS = List.of("traceparent", "tracestate", "baggage", "b3", "X-B3-TraceId",
			"X-B3-SpanId", "X-B3-ParentSpanId", "X-B3-Sampled", "X-B3-Flags");

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> handler.handle(withoutTraceContext(request), response);
	}

	static ServerHttpRequest withoutTraceContext(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		if (HEADERS.stream().noneMatch(headers::containsHeader)) {
			return request;
		}
		return request.mutate().headers((mutable) -> HEADERS.forEach(mutable::remove)).build();
	}

}
