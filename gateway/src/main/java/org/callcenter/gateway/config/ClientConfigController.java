package org.callcenter.gateway.config;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;

import org.callcenter.gateway.system.GatewayProperties;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the pages need to know: which OpenTok library to load, and who is signed in. */
@RestController
class ClientConfigController {

	static final String REAL_OPENTOK_JS = "https://static.opentok.com/v2/js/opentok.min.js";

	static final String EMULATOR_JS = "/opentok-emulator/opentok.js";

	private final GatewayProperties properties;

	ClientConfigController(GatewayProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/api/config")
	Map<String, Object> config() {
		return Map.of("apiKey", this.properties.openTokApiKey(), "openTokJs",
				this.properties.emulated() ? EMULATOR_JS : REAL_OPENTOK_JS, "emulated", this.properties.emulated());
	}

	/**
	 * Who is signed in; {@code supervisor} tells the console to offer the supervisors'
	 * dashboard.
	 */
	@GetMapping("/api/agent/profile")
	Map<String, Object> profile(Principal agent) {
		Optional<GatewayProperties.AgentAccount> account = this.properties.agents()
			.stream()
			.filter((configured) -> configured.username().equals(agent.getName()))
			.findFirst();
		return Map.of("agentId", agent.getName(), "displayName",
				account.map(GatewayProperties.AgentAccount::displayName).orElse(agent.getName()), "supervisor",
				account.map(GatewayProperties.AgentAccount::supervisor).orElse(false));
	}

}
