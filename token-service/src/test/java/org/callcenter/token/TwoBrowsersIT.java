package org.callcenter.token;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

import org.callcenter.testsupport.Chromium;
import org.callcenter.testsupport.RealKafka;
import org.callcenter.testsupport.RealKafkaConnection;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two headless Chromium browsers with fake cameras join one emulated session through the
 * emulator's browser library, with tokens from token-service: each sees the other's
 * video, and a signal sent through token-service arrives in the pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealKafkaConnection.class)
class TwoBrowsersIT {

	private static final Duration MEDIA_PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	private ChromeDriver caller;

	private ChromeDriver agent;

	@DynamicPropertySource
	static void openTok(DynamicPropertyRegistry registry) {
		Emulator.register(registry);
	}

	@AfterEach
	void closeBrowsers() {
		if (this.caller != null) {
			this.caller.quit();
		}
		if (this.agent != null) {
			this.agent.quit();
		}
	}

	@Test
	void twoPagesSeeEachOthersVideoAndReceiveASignalFromTokenService() {
		RestClient tokenService = ServiceIdentity.client(this.port);
		String sessionId = openCallerAndAgent(tokenService, "call-1", false, "alice");

		await().atMost(MEDIA_PATIENCE)
			.until(() -> remoteVideoWidth(this.caller) > 0 && remoteVideoWidth(this.agent) > 0);
		tokenService.post()
			.uri("/sessions/{id}/signals", sessionId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("type", "hello", "data", "from token-service"))
			.retrieve()
			.toBodilessEntity();
		await().atMost(MEDIA_PATIENCE)
			.untilAsserted(() -> assertThat(this.caller.findElements(By.cssSelector("#signals li.typed")))
				.extracting((li) -> li.getText())
				.containsExactly("signal:hello from token-service"));
		assertThat(this.agent.findElement(By.id("signals")).getText())
			.contains("signal from token-service from server");
		Chromium.screenshot(this.caller, "emulator-caller");
		Chromium.screenshot(this.agent, "emulator-agent");
	}

	@Test
	void anAudioOnlyPublisherSendsLiveAudioAndNoVideo() {
		openCallerAndAgent(ServiceIdentity.client(this.port), "call-2", true, "bob");

		await().atMost(MEDIA_PATIENCE)
			.until(() -> "1 live audio, 0 video"
				.equals(this.agent.executeScript("var v = document.querySelector('.OT_subscriber video');"
						+ "if (!v || !v.srcObject) return 'nothing';"
						+ "var a = v.srcObject.getAudioTracks().filter(function (t) { return t.readyState === 'live'; });"
						+ "return a.length + ' live audio, ' + v.srcObject.getVideoTracks().length + ' video';")));
	}

	/**
	 * Creates a session through token-service and opens the emulator's playground in a
	 * browser for the caller and one for the agent, each with its token: the session id.
	 */
	private String openCallerAndAgent(RestClient tokenService, String callerId, boolean callerAudioOnly,
			String agentId) {
		String sessionId = tokenService.post()
			.uri("/sessions")
			.retrieve()
			.body(JsonNode.class)
			.get("sessionId")
			.asString();
		this.caller = Chromium.start();
		this.agent = Chromium.start();

		this.caller.get(playground(tokenService, sessionId, callerId, "caller", callerAudioOnly));
		this.agent.get(playground(tokenService, sessionId, agentId, "agent", false));
		return sessionId;
	}

	private String playground(RestClient tokenService, String sessionId, String userId, String userType,
			boolean audioOnly) {
		String token = tokenService.post()
			.uri("/sessions/{id}/tokens", sessionId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("userId", userId, "userType", userType))
			.retrieve()
			.body(JsonNode.class)
			.get("token")
			.asString();
		return Emulator.url() + "/opentok-emulator/playground.html?apiKey=" + Emulator.API_KEY + "&sessionId="
				+ sessionId + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&audioOnly=" + audioOnly;
	}

	private static long remoteVideoWidth(ChromeDriver browser) {
		Object width = browser
			.executeScript("var v = document.querySelector('.OT_subscriber video');" + "return v ? v.videoWidth : 0;");
		return (width instanceof Number number) ? number.longValue() : 0;
	}

}
