package org.callcenter.token.trust;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Only the suite's own services may use token-service: with it, anyone could mint a token
 * for any caller's session (and watch the call) or force a caller out. Every request to
 * its API carries the signed identity of the service that sends it (as queue-service's
 * agent endpoints require the gateway's); a missing, forged, expired or wrong-purpose
 * identity is 401.
 */
@Configuration(proxyBeanMethods = false)
class RequireServiceIdentity implements WebMvcConfigurer {

	private final SignedCredentials credentials;

	RequireServiceIdentity(TrustProperties properties) {
		this.credentials = new SignedCredentials(properties.internalSecret(), Clock.systemUTC());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws IOException {
				if (RequireServiceIdentity.this.credentials
					.verify(Purpose.SERVICE, request.getHeader(SignedCredentials.SERVICE_HEADER))
					.isPresent()) {
					return true;
				}
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.getWriter()
					.write("{\"type\":\"urn:callcenter:problem:unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"
							+ "\"detail\":\"Only the call center's own services may use token-service.\"}");
				return false;
			}
		}).addPathPatterns("/sessions", "/sessions/**");
	}

	@Bean
	SignedCredentials serviceCredentials() {
		return this.credentials;
	}

}
