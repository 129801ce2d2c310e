package org.callcenter.contracts.sessions;

/** The session-monitoring events published to Kafka. */
public enum SessionEventType {

	CONNECTION_CREATED, CONNECTION_DESTROYED, STREAM_CREATED, STREAM_DESTROYED

}
