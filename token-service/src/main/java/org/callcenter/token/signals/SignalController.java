package org.callcenter.token.signals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.callcenter.token.opentok.OpenTokIds;
import org.callcenter.token.opentok.VideoPlatform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Signals", description = "Signals to clients and forced disconnects")
class SignalController {

	private final VideoPlatform platform;

	SignalController(VideoPlatform platform) {
		this.platform = platform;
	}

	@PostMapping("/sessions/{sessionId}/signals")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Send a signal to every client of the session, or to one connection")
	void signal(@PathVariable @Pattern(regexp = OpenTokIds.SESSION_ID) String sessionId,
			@Valid @RequestBody Signal signal) {
		this.platform.signal(sessionId, signal.connectionId(), signal.type(),
				(signal.data() != null) ? signal.data() : "");
	}

	@DeleteMapping("/sessions/{sessionId}/connections/{connectionId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Disconnect a client from the session")
	void forceDisconnect(@PathVariable @Pattern(regexp = OpenTokIds.SESSION_ID) String sessionId,
			@PathVariable @Pattern(regexp = OpenTokIds.CONNECTION_ID) String connectionId) {
		this.platform.forceDisconnect(sessionId, connectionId);
	}

	/** OpenTok's limits: type up to 128 of {@code A-Za-z0-9-_~}, data up to 8 kB. */
	record Signal(@NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9_~-]+") String type,
			@Size(max = 8192) String data, @Pattern(regexp = OpenTokIds.CONNECTION_ID) String connectionId) {
	}

}
