package org.callcenter.queue.web;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what. Agent endpoints need the identity the gateway signs for the
 * authenticated agent, naming the agent in the path; the supervisor view needs any
 * agent's identity; a caller's own call needs the credential it got when it dialed; dials
 * and reports about callers' pages need the gateway's own signed identity (so no dial
 * goes round the gateway's rate limit). Missing or invalid credentials are 401, someone
 * else's are 403.
 */
@Configuration(proxyBeanMethods = false)
class AccessControl implements WebMvcConfigurer {

	private final SignedCredentials credentials;

	AccessControl(SignedCredentials credentials) {
		this.credentials = credentials;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RequireSubject(Purpose.AGENT, "agentId"))
			.addPathPatterns("/api/agents/*", "/api/agents/*/**", "/api/queue");
		registry.addInterceptor(new RequireSubject(Purpose.CALLER, "callId"))
			.addPathPatterns("/api/calls/*", "/api/calls/*/**");
		registry.addInterceptor(new RequireSubject(Purpose.SERVICE, null))
			.addPathPatterns("/api/callers/**", "/api/calls", "/api/queues");
	}

	private final class RequireSubject implements HandlerInterceptor {

		private final Purpose purpose;

		private final String pathVariable;

		RequireSubject(Purpose purpose, String pathVariable) {
			this.purpose = purpose;
			this.pathVariable = pathVariable;
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			Optional<String> subject = AccessControl.this.credentials.verify(this.purpose, credential(request));
			if (subject.isEmpty()) {
				throw new AccessDenied.NotAuthenticated();
			}
			@SuppressWarnings("unchecked")
			Map<String, String> variables = (Map<String, String>) request
				.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
			String named = (variables != null && this.pathVariable != null) ? variables.get(this.pathVariable) : null;
			if (named != null && !named.equals(subject.get())) {
				throw new AccessDenied.NotPermitted();
			}
			return true;
		}

		private String credential(HttpServletRequest request) {
			if (this.purpose == Purpose.AGENT) {
				return request.getHeader(SignedCredentials.AGENT_HEADER);
			}
			if (this.purpose == Purpose.SERVICE) {
				return request.getHeader(SignedCredentials.SERVICE_HEADER);
			}
			String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
			return (authorization != null && authorization.startsWith("Bearer ")) ? authorization.substring(7) : null;
		}

	}

}
