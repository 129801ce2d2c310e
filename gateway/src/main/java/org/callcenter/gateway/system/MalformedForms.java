package org.callcenter.gateway.system;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * A form the gateway reads itself (sign-in) whose encoding is broken
 * ({@code username=%ff&password=%}) fails in the form reader with an
 * IllegalArgumentException, which Boot's handler answered 500: it is the client's
 * mistake, 400 problem details.
 */
@Component
@Order(-2)
class MalformedForms implements WebExceptionHandler {

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		// the raw header: parsing it would throw on the hostile types this handler also
		// sees
		String type = exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		boolean form = type != null && type.trim()
			.toLowerCase(java.util.Locale.ROOT)
			.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
		if (!form || exchange.getResponse().isCommitted()
				|| !(rootCause(failure) instanceof IllegalArgumentException)) {
			return Mono.error(failure);
		}
		return Problems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, "malformed-form",
				"The form's encoding is not valid.");
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
