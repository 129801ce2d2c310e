package org.callcenter.stats.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every statistics request needs the agent identity the gateway signs: the gateway
 * forwards only supervisors' requests here (and each agent's request for its own
 * figures), and the signature shows a request came through it. Missing or invalid
 * identities are 401; the verified agent id is kept for the request ({@link #AGENT_ID}).
 */
@Configuration(proxyBeanMethods = false)
class AccessControl implements WebMvcConfigurer {

	/** The request attribute holding the verified agent id. */
	static final String AGENT_ID = "org.callcenter.stats.api.agentId";

	private final SignedCredentials credentials;

	AccessControl(SignedCredentials credentials) {
		this.credentials = credentials;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String agentId = AccessControl.this.credentials
					.verify(Purpose.AGENT, request.getHeader(SignedCredentials.AGENT_HEADER))
					.orElseThrow(AccessDenied::new);
				request.setAttribute(AGENT_ID, agentId);
				return true;
			}
		}).addPathPatterns("/api/stats", "/api/stats/**", "/api/agents/**");
	}

}
