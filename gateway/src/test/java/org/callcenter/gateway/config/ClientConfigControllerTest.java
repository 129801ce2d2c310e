package org.callcenter.gateway.config;

import java.security.Principal;

import org.junit.jupiter.api.Test;

import org.callcenter.gateway.system.Settings;

import static org.assertj.core.api.Assertions.assertThat;

class ClientConfigControllerTest {

	@Test
	void withTheEmulatorPagesLoadItsLibrary() {
		ClientConfigController controller = new ClientConfigController(
				Settings.gateway("emulator-url", "http://localhost:9911"));

		assertThat(controller.config()).containsEntry("apiKey", "12345678")
			.containsEntry("openTokJs", "/opentok-emulator/opentok.js")
			.containsEntry("emulated", true);
	}

	@Test
	void withARealAccountPagesLoadOpenTokJs() {
		ClientConfigController controller = new ClientConfigController(Settings.gateway());

		assertThat(controller.config()).containsEntry("openTokJs", "https://static.opentok.com/v2/js/opentok.min.js")
			.containsEntry("emulated", false);
	}

	@Test
	void theProfileShowsTheAgentsDisplayNameOrElseItsName() {
		ClientConfigController controller = new ClientConfigController(Settings.gateway());
		Principal alice = () -> "alice";
		Principal carol = () -> "carol";

		assertThat(controller.profile(alice)).containsEntry("agentId", "alice")
			.containsEntry("displayName", "Alice Example");
		assertThat(controller.profile(carol)).containsEntry("displayName", "carol");
	}

}
