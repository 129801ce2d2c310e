package org.callcenter.emulator.rest;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.callcenter.emulator.sessions.SessionIds;
import org.callcenter.emulator.sessions.Sessions;
import org.callcenter.emulator.system.EmulatorProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenTok REST subset opentok-server-sdk 4.9.0 calls, at its exact paths and with the
 * status codes it accepts: 200 for session creation, 204 for signal and force-disconnect.
 */
@RestController
class OpenTokRestController {

	private static final Pattern SIGNAL_TYPE = Pattern.compile("[A-Za-z0-9_~-]*");

	private static final int MAX_SIGNAL_TYPE_LENGTH = 128;

	private static final int MAX_SIGNAL_DATA_BYTES = 8192;

	private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy",
			Locale.ROOT);

	private final Sessions sessions;

	private final EmulatorProperties properties;

	OpenTokRestController(Sessions sessions, EmulatorProperties properties) {
		this.sessions = sessions;
		this.properties = properties;
	}

	/**
	 * Form fields {@code p2p.preference}, {@code archiveMode} and {@code location} are
	 * accepted and ignored.
	 */
	@PostMapping(path = "/session/create", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, String>> createSession() {
		String key = this.properties.apiKeyText();
		return List.of(Map.of("session_id", this.sessions.create(), "project_id", key, "partner_id", key, "create_dt",
				ZonedDateTime.now(ZoneOffset.UTC).format(CREATED), "media_server_url", ""));
	}

	@PostMapping("/v2/project/{apiKey}/session/{sessionId}/signal")
	ResponseEntity<Void> signalSession(@PathVariable String sessionId, @RequestBody Map<String, Object> signal) {
		return signal(sessionId, null, signal);
	}

	@PostMapping("/v2/project/{apiKey}/session/{sessionId}/connection/{connectionId}/signal")
	ResponseEntity<Void> signalConnection(@PathVariable String sessionId, @PathVariable String connectionId,
			@RequestBody Map<String, Object> signal) {
		return signal(sessionId, connectionId, signal);
	}

	@DeleteMapping("/v2/project/{apiKey}/session/{sessionId}/connection/{connectionId}")
	ResponseEntity<Void> forceDisconnect(@PathVariable String sessionId, @PathVariable String connectionId) {
		if (!isOurs(sessionId)) {
			return ResponseEntity.badRequest().build();
		}
		return this.sessions.forceDisconnect(sessionId, connectionId) ? ResponseEntity.noContent().build()
				: ResponseEntity.notFound().build();
	}

	private ResponseEntity<Void> signal(String sessionId, String connectionId, Map<String, Object> signal) {
		String type = (signal.get("type") != null) ? String.valueOf(signal.get("type")) : "";
		String data = (signal.get("data") != null) ? String.valueOf(signal.get("data")) : "";
		if (!isOurs(sessionId) || !SIGNAL_TYPE.matcher(type).matches()) {
			return ResponseEntity.badRequest().build();
		}
		if (type.length() > MAX_SIGNAL_TYPE_LENGTH
				|| data.getBytes(StandardCharsets.UTF_8).length > MAX_SIGNAL_DATA_BYTES) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		return this.sessions.signal(sessionId, connectionId, type, data, null) ? ResponseEntity.noContent().build()
				: ResponseEntity.notFound().build();
	}

	private boolean isOurs(String sessionId) {
		return this.properties.apiKeyText().equals(SessionIds.apiKeyOf(sessionId));
	}

}
