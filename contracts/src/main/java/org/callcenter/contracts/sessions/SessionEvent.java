package org.callcenter.contracts.sessions;

/**
 * An OpenTok session-monitoring callback the call center uses, normalized by
 * callback-service and published on
 * {@link org.callcenter.contracts.calls.Topics#SESSION_EVENTS} keyed by
 * {@code sessionId}.
 *
 * <p>
 * OpenTok delivers callbacks at least once and in no guaranteed order, so consumers must
 * be idempotent: {@code eventId} is the same for every delivery of the same callback.
 *
 * @param connectionData the connection data of the token the client connected with,
 * decoded; for tokens from token-service it is {@link ConnectionData} as JSON
 * @param timestamp when OpenTok says the event happened, in epoch milliseconds
 */
public record SessionEvent(String eventId, String sessionId, SessionEventType type, String connectionId,
		String connectionData, String streamId, String reason, long timestamp) {
}
