package org.callcenter.token.opentok;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.opentok.MediaMode;
import com.opentok.OpenTok;
import com.opentok.Role;
import com.opentok.SessionProperties;
import com.opentok.SignalProperties;
import com.opentok.TokenOptions;
import com.opentok.exception.OpenTokException;
import com.opentok.exception.RequestException;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.sessions.ConnectionData;
import org.callcenter.contracts.tokens.OpenTokSession;
import org.callcenter.contracts.tokens.SessionToken;

import org.springframework.stereotype.Component;

/**
 * Everything the call center asks of OpenTok, through the official server SDK, with its
 * checked exceptions turned into {@link OpenTokUnavailable} and
 * {@link UnknownConnection}. Nothing here is retried: creating a session and sending a
 * signal are not idempotent.
 */
@Component
public class VideoPlatform {

	private final OpenTok openTok;

	private final OpenTokProperties properties;

	private final Clock clock;

	private final JsonMapper json;

	VideoPlatform(OpenTok openTok, OpenTokProperties properties, Clock clock, JsonMapper json) {
		this.openTok = openTok;
		this.properties = properties;
		this.clock = clock;
		this.json = json;
	}

	/** A routed session (media through OpenTok's servers), one per call. */
	public OpenTokSession createSession() {
		try {
			String sessionId = this.openTok
				.createSession(new SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build())
				.getSessionId();
			return new OpenTokSession(String.valueOf(this.properties.apiKey()), sessionId);
		}
		catch (OpenTokException ex) {
			throw new OpenTokUnavailable("create a session", ex);
		}
	}

	/**
	 * A publisher token whose connection data says who connects: {@link ConnectionData}
	 * as JSON.
	 */
	public SessionToken token(String sessionId, ConnectionData who) {
		return token(sessionId, who, Duration.ZERO);
	}

	/**
	 * A publisher token as {@link #token(String, ConnectionData)}, for a user who gets it
	 * up to {@code heldFor} after it is made (a caller's token made ahead for
	 * queue-service's session pool): it is valid for that long plus the token lifetime,
	 * so whenever it is handed out, a full lifetime is left.
	 */
	public SessionToken token(String sessionId, ConnectionData who, Duration heldFor) {
		Instant expires = this.clock.instant().plus(heldFor).plus(this.properties.tokenLifetime());
		try {
			String token = this.openTok.generateToken(sessionId,
					new TokenOptions.Builder().role(Role.PUBLISHER)
						.expireTime(expires.getEpochSecond())
						.data(this.json.writeValueAsString(who))
						.build());
			return new SessionToken(String.valueOf(this.properties.apiKey()), sessionId, token, expires);
		}
		catch (OpenTokException ex) {
			throw new InvalidOpenTokRequest("the session does not belong to this OpenTok project", ex);
		}
	}

	/**
	 * To every client of the session, or to one connection when {@code connectionId} is
	 * given.
	 */
	public void signal(String sessionId, String connectionId, String type, String data) {
		SignalProperties signal = new SignalProperties.Builder().type(type).data(data).build();
		try {
			if (connectionId == null) {
				this.openTok.signal(sessionId, signal);
			}
			else {
				this.openTok.signal(sessionId, connectionId, signal);
			}
		}
		catch (RequestException ex) {
			throw refusal(ex, "send a signal");
		}
		catch (OpenTokException ex) {
			throw new OpenTokUnavailable("send a signal", ex);
		}
	}

	public void forceDisconnect(String sessionId, String connectionId) {
		try {
			this.openTok.forceDisconnect(sessionId, connectionId);
		}
		catch (RequestException ex) {
			throw refusal(ex, "force a disconnect");
		}
		catch (OpenTokException ex) {
			throw new OpenTokUnavailable("force a disconnect", ex);
		}
	}

	/**
	 * The SDK tells OpenTok's answer only in its message: 404 says the client "is not
	 * connected to the session", 400 that an argument "is invalid". Anything else is
	 * worth retrying later.
	 */
	private static RuntimeException refusal(RequestException ex, String what) {
		String message = String.valueOf(ex.getMessage());
		if (message.contains("not connected")) {
			return new UnknownConnection();
		}
		if (message.contains("is invalid")) {
			return new InvalidOpenTokRequest("OpenTok refused to " + what + ": invalid session or connection", ex);
		}
		return new OpenTokUnavailable(what, ex);
	}

}
