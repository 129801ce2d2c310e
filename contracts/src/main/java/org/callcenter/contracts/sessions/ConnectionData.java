package org.callcenter.contracts.sessions;

/**
 * The connection data token-service puts in every token, as JSON, so that session events
 * tell who connected: {@code userId} is the call id for a caller and the agent id for an
 * agent.
 */
public record ConnectionData(String userId, UserType userType) {

	public enum UserType {

		caller, agent

	}

}
