package org.callcenter.gateway.system;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the gateway, validated at start-up.
 *
 * @param queueServiceUrls the instances of queue-service (one or more, comma-separated)
 * @param callbackServiceUrls the instances of callback-service, which receives
 * {@code /ot_callback}
 * @param emulatorUrl the OpenTok emulator; when set, its paths are routed and pages load
 * its library
 * @param openTokApiKey the OpenTok project's API key, which pages need to join sessions
 * @param internalSecret shared with the services: signs agent identities, checks caller
 * credentials
 * @param agents who may sign in to the console
 * @param heartbeatInterval how often an agent's open console is reported alive to
 * queue-service
 * @param dialsPerSecond dials each client address may make per second, on average.
 * Callers behind one office proxy or a mobile carrier's shared address count as one
 * client, so the default (2/s, 120 a minute) leaves room for many real callers while one
 * script cannot flood the queue
 * @param dialBurst dials each client address may make at once (default 20)
 * @param signInFailuresPerAccount failed sign-ins of one user name before it is locked
 * out for {@code signInLockout}
 * @param signInFailuresPerAddress failed sign-ins from one client address (any names)
 * before it is locked out for {@code signInLockout}
 * @param signInLockout how long failed sign-ins are counted, and a lockout lasts
 * @param monitoringPassword lets user {@code monitoring} read metrics, Prometheus and
 * info; none when empty (health alone is public)
 * @param allowedOrigins origins, besides the gateway's own, from which pages may change
 * state
 * @param queueMoveInterval the least time between two queue notices to the waiting
 * callers' pages: moves that come faster go out together (each page does work per notice,
 * and the gateway per open page)
 * @param statsServiceUrls the instances of stats-service, which answers the supervisors'
 * {@code /api/stats}
 */
@Validated
@ConfigurationProperties("gateway")
public record GatewayProperties(@NotEmpty @DefaultValue("http://localhost:8082") List<URI> queueServiceUrls,
		@NotEmpty @DefaultValue("http://localhost:8084") List<URI> callbackServiceUrls, URI emulatorUrl,
		@NotBlank String openTokApiKey, @NotBlank @Size(min = 16) String internalSecret,
		@Valid @NotNull List<AgentAccount> agents, @NotNull @DefaultValue("10s") Duration heartbeatInterval,
		@Positive @DefaultValue("2") int dialsPerSecond, @Positive @DefaultValue("20") int dialBurst,
		@Positive @DefaultValue("5") int signInFailuresPerAccount,
		@Positive @DefaultValue("30") int signInFailuresPerAddress,
		@NotNull @DefaultValue("15m") Duration signInLockout, String monitoringPassword,
		@NotNull @DefaultValue List<URI> allowedOrigins, @NotNull @DefaultValue("500ms") Duration queueMoveInterval,
		@NotEmpty @DefaultValue("http://localhost:8085") List<URI> statsServiceUrls) {

	/**
	 * @param passwordHash in Spring Security's format, for example
	 * {@code {bcrypt}$2a$10$...}
	 * @param supervisor whether the agent also supervises: reads the whole queue (every
	 * caller's name and reason), which other agents may not
	 */
	public record AgentAccount(
			@NotBlank @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") String username,
			@NotBlank String passwordHash, @NotBlank String displayName, @DefaultValue("false") boolean supervisor) {
	}

	public boolean emulated() {
		return this.emulatorUrl != null && !this.emulatorUrl.toString().isBlank();
	}

}
