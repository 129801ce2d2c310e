package org.callcenter.emulator.callbacks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.emulator.auth.Hs256;
import org.callcenter.emulator.system.EmulatorProperties;
import org.callcenter.emulator.system.EmulatorProperties.CallbackMode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Posts session-monitoring callbacks in OpenTok's JSON format to
 * {@code emulator.callback-url}, in the order events happen, each on its own. A failed
 * delivery is retried with exponential back-off (as Vonage does) until
 * {@code callback-give-up} has passed. With a signature secret, each delivery carries a
 * Vonage-style signed JWT in {@code Authorization}.
 */
@Component
public class SessionMonitor implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SessionMonitor.class);

	private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "session-monitor");
		thread.setDaemon(true);
		return thread;
	});

	private final EmulatorProperties properties;

	private final Clock clock;

	private final RestClient http;

	private final CallbackBehaviour behaviour;

	private final JsonMapper json;

	SessionMonitor(EmulatorProperties properties, Clock clock, RestClient.Builder http, CallbackBehaviour behaviour,
			JsonMapper json) {
		this.properties = properties;
		this.behaviour = behaviour;
		this.clock = clock;
		this.http = http.build();
		this.json = json;
	}

	/** Queues the callback for {@code event} with its event-specific fields. */
	public void sessionEvent(String sessionId, String event, Map<String, Object> fields) {
		if (this.properties.callbackUrl() == null || this.properties.callbackUrl().toString().isBlank()) {
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("sessionId", sessionId);
		body.put("projectId", this.properties.apiKeyText());
		body.put("event", event);
		body.put("timestamp", this.clock.millis());
		body.putAll(fields);
		byte[] bytes = this.json.writeValueAsBytes(body);
		CallbackBehaviour.Setting setting = this.behaviour.get();
		if (setting.mode() == CallbackMode.OFF) {
			return;
		}
		Instant giveUpAt = this.clock.instant().plus(this.properties.callbackGiveUp());
		this.sender.schedule(() -> deliver(bytes, this.properties.callbackFirstRetry(), giveUpAt),
				setting.delay().toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Each attempt follows the behaviour of the moment, as a project whose settings were
	 * fixed while Vonage still retried: the retries then land.
	 */
	private void deliver(byte[] body, Duration nextDelay, Instant giveUpAt) {
		CallbackMode mode = this.behaviour.get().mode();
		if (mode == CallbackMode.OFF) {
			return;
		}
		try {
			URI target = (mode == CallbackMode.WRONG_URL)
					? this.properties.callbackUrl().resolve("/not-the-callback-path") : this.properties.callbackUrl();
			RestClient.RequestBodySpec request = this.http.post().uri(target).contentType(MediaType.APPLICATION_JSON);
			if (mode == CallbackMode.WRONG_SECRET) {
				request.header("Authorization", "Bearer " + signature(body, "another-project-secret-than-expected"));
			}
			else if (this.properties.signatureSecret() != null && !this.properties.signatureSecret().isBlank()) {
				request.header("Authorization", "Bearer " + signature(body, this.properties.signatureSecret()));
			}
			request.body(body).retrieve().toBodilessEntity();
		}
		catch (RuntimeException ex) {
			if (this.clock.instant().plus(nextDelay).isAfter(giveUpAt)) {
				log.warn("dropping session-monitoring callback after retries: {}", ex.toString());
				return;
			}
			log.info("session-monitoring callback failed ({}); retrying in {}", ex.toString(), nextDelay);
			Duration after = nextDelay.multipliedBy(2);
			Duration capped = (after.compareTo(this.properties.callbackMaxRetry()) > 0)
					? this.properties.callbackMaxRetry() : after;
			this.sender.schedule(() -> deliver(body, capped, giveUpAt), nextDelay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private String signature(byte[] body, String secret) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iat", this.clock.instant().getEpochSecond());
		claims.put("jti", UUID.randomUUID().toString());
		claims.put("iss", "Vonage");
		claims.put("payload_hash", sha256Hex(body));
		claims.put("api_key", this.properties.apiKeyText());
		claims.put("application_id", "00000000-0000-0000-0000-000000000000");
		return Hs256.sign(claims, secret);
	}

	private static String sha256Hex(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void destroy() {
		this.sender.shutdownNow();
	}

}
