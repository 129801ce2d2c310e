package org.callcenter.queue.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body must say what it is: a Content-Type that cannot be parsed, or that is a
 * wildcard ({@code *}{@code /*}, {@code application/*}), is answered 415 before anything
 * reads the body; Spring would otherwise fail on it deep inside body conversion with a
 * 500.
 */
@Component
class ContentTypeCheck extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String declared = request.getContentType();
		if (declared != null && !declared.isBlank() && !concrete(declared)) {
			response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"urn:callcenter:problem:unsupported-media-type\",\"title\":\"Unsupported Media Type\","
						+ "\"status\":415,\"detail\":\"Send JSON with Content-Type: application/json.\"}");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean concrete(String declared) {
		try {
			return MediaType.parseMediaType(declared).isConcrete();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
