package org.callcenter.gateway.security;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Signing out stops routing callers to the agent, however the sign-out comes (the console
 * tells queue-service itself, but a script or an old page may only post {@code /logout}):
 * the agent goes offline in queue-service, and its callers move on. A failure there does
 * not keep anyone signed in.
 */
@Component
class TakeAgentOffline implements ServerLogoutHandler {

	private static final Logger log = LoggerFactory.getLogger(TakeAgentOffline.class);

	private final WebClient queue;

	private final SignedCredentials credentials;

	TakeAgentOffline(WebClient queueService, SignedCredentials credentials) {
		this.queue = queueService;
		this.credentials = credentials;
	}

	@Override
	public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
		// a sign-out without a sign-in (no session, or an anonymous one) has no agent to
		// take offline
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return Mono.empty();
		}
		String agentId = authentication.getName();
		return this.queue.delete()
			.uri("/api/agents/{agentId}", agentId)
			.header(SignedCredentials.AGENT_HEADER,
					this.credentials.issue(Purpose.AGENT, agentId, Duration.ofMinutes(1)))
			.retrieve()
			.toBodilessEntity()
			.then()
			.onErrorResume((failure) -> {
				log.warn("agent {} signed out but could not be taken offline: {}", agentId, failure.toString());
				return Mono.empty();
			});
	}

}
