package org.callcenter.contracts.tokens;

import java.time.Duration;

import org.callcenter.contracts.sessions.ConnectionData;

/**
 * Body of token-service's {@code POST /sessions/{sessionId}/tokens}.
 *
 * @param userId who connects (a call id for a caller, an agent id for an agent)
 * @param userType what kind of user connects
 * @param heldFor how long the token may wait unused before its user gets it, or null for
 * a token handed over at once: queue-service's session pool makes a caller's token ahead
 * of the dial that hands it out, at most this long before. token-service adds it to the
 * token's lifetime, so the user still gets a full lifetime.
 */
public record TokenRequest(String userId, ConnectionData.UserType userType, Duration heldFor) {

	/** A token handed over as soon as it is made. */
	public TokenRequest(String userId, ConnectionData.UserType userType) {
		this(userId, userType, null);
	}

}
