package org.callcenter.gateway.routing;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * No request the pages or OpenTok send is larger than a few kilobytes. Bodies that declare more
 * than 64 KiB (a callback's own limit) are answered 413 here, before they reach a service: a service
 * that refused them by closing the connection left the gateway answering 500, and a huge sign-in
 * form used to fail the same way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit implements WebFilter {

	static final long MAX_BODY_BYTES = 64 * 1024;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared <= MAX_BODY_BYTES) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer body = response.bufferFactory()
			.wrap(("{\"type\":\"urn:callcenter:problem:body-too-large\",\"title\":\"Content Too Large\",\"status\":413,"
					+ "\"detail\":\"Requests are at most " + MAX_BODY_BYTES / 1024 + " KiB.\"}")
				.getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(body));
	}

}
