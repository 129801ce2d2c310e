package org.callcenter.gateway.system;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Problem details the gateway answers itself, before or instead of a service, in the same
 * shape as the services' own ({@code urn:callcenter:problem:<name>}), so the pages read
 * every refusal alike.
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * Answers a request the gateway refuses before anything read its body: the body is
	 * read (and dropped) first. Closing a connection with unread bytes makes the kernel
	 * reset it, and the client may then lose the answer ("connection reset" instead of a
	 * 403). Bodies are bounded by {@code RequestSizeLimit} before this.
	 */
	public static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String name, String detail) {
		return exchange.getRequest()
			.getBody()
			.doOnNext(DataBufferUtils::release)
			.then(Mono.defer(() -> write(exchange.getResponse(), status, name, detail)));
	}

	public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String name, String detail) {
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		String json = "{\"type\":\"urn:callcenter:problem:" + name + "\",\"title\":\"" + status.getReasonPhrase()
				+ "\",\"status\":" + status.value() + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}";
		DataBuffer body = response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(body));
	}

}
