package org.callcenter.token.sessions;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.contracts.sessions.ConnectionData;
import org.callcenter.contracts.tokens.OpenTokSession;
import org.callcenter.contracts.tokens.SessionToken;
import org.callcenter.contracts.tokens.TokenServiceApi;
import org.callcenter.token.opentok.OpenTokIds;
import org.callcenter.token.opentok.VideoPlatform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sessions", description = "OpenTok sessions and client tokens")
class SessionController {

	private static final Logger log = LoggerFactory.getLogger(SessionController.class);

	private final VideoPlatform platform;

	SessionController(VideoPlatform platform) {
		this.platform = platform;
	}

	@PostMapping(TokenServiceApi.SESSIONS)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a routed OpenTok session for one call")
	OpenTokSession createSession() {
		OpenTokSession session = this.platform.createSession();
		// what leads into a call (session ids, tokens) stays out of the log; the line's
		// trace id names the dial
		log.info("created a session");
		return session;
	}

	@PostMapping(TokenServiceApi.TOKENS)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A client token for the session, carrying who connects as connection data")
	SessionToken token(@PathVariable @Pattern(regexp = OpenTokIds.SESSION_ID) String sessionId,
			@Valid @RequestBody NewToken request) {
		SessionToken token = this.platform.token(sessionId, new ConnectionData(request.userId(), request.userType()),
				(request.heldFor() != null) ? request.heldFor() : Duration.ZERO);
		log.info("issued a token for the {}", request.userType());
		return token;
	}

	/**
	 * The body of a token request (the contract's {@code TokenRequest}, validated). A
	 * token may wait unused for a week at most: OpenTok refuses expiry times more than 30
	 * days ahead, and a pool holds its entries for hours.
	 */
	record NewToken(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+") String userId,
			@NotNull ConnectionData.UserType userType,
			@DurationMin(seconds = 0) @DurationMax(days = 7) Duration heldFor) {
	}

}
