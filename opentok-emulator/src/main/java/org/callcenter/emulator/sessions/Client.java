package org.callcenter.emulator.sessions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A browser connected to a session, and how to send it a message. */
record Client(String connectionId, String data, long createdAt, String role, Consumer<Map<String, Object>> inbox,
		Runnable hangUp) {

	/** As OpenTok.js shows a {@code Connection}. */
	Map<String, Object> asConnection() {
		Map<String, Object> connection = new LinkedHashMap<>();
		connection.put("connectionId", this.connectionId);
		connection.put("creationTime", this.createdAt);
		connection.put("data", this.data);
		return connection;
	}

	/** As session-monitoring callbacks show a connection. */
	Map<String, Object> asCallbackConnection() {
		Map<String, Object> connection = new LinkedHashMap<>();
		connection.put("id", this.connectionId);
		connection.put("createdAt", this.createdAt);
		connection.put("data", this.data);
		return connection;
	}

}
