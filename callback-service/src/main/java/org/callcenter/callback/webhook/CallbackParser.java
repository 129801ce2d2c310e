package org.callcenter.callback.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.sessions.SessionEvent;
import org.callcenter.contracts.sessions.SessionEventType;

import org.springframework.stereotype.Component;

/**
 * Reads a session-monitoring callback as OpenTok documents it, strictly: a body with the
 * wrong types, missing fields or an unknown event is refused, never half-understood.
 * Unknown extra fields are ignored, as OpenTok may add some. The JSON is read by Boot's
 * mapper, which refuses anything after the object
 * ({@code spring.jackson.deserialization.fail-on-trailing-tokens}).
 */
@Component
class CallbackParser {

	private static final Map<String, SessionEventType> PUBLISHED = Map.of("connectionCreated",
			SessionEventType.CONNECTION_CREATED, "connectionDestroyed", SessionEventType.CONNECTION_DESTROYED,
			"streamCreated", SessionEventType.STREAM_CREATED, "streamDestroyed", SessionEventType.STREAM_DESTROYED);

	/**
	 * Events of OpenTok the call center does not use: acknowledged so that OpenTok stops
	 * sending them.
	 */
	private static final Set<String> ACKNOWLEDGED = Set.of("sessionCreated", "sessionDestroyed", "archive");

	private static final Pattern OPENTOK_ID = Pattern.compile("[A-Za-z0-9_~-]{1,255}");

	/** OpenTok's limit on connection data. */
	private static final int MAX_CONNECTION_DATA = 1000;

	private static final int MAX_TEXT = 1000;

	private final JsonMapper json;

	CallbackParser(JsonMapper json) {
		this.json = json;
	}

	Callback parse(byte[] body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidCallback("The body is not valid JSON.");
		}
		if (root == null || !root.isObject()) {
			throw new InvalidCallback("The body must be a JSON object.");
		}
		String event = text(root, "event", MAX_TEXT, true);
		String sessionId = text(root, "sessionId", 255, true);
		if (!OPENTOK_ID.matcher(sessionId).matches()) {
			throw new InvalidCallback("sessionId is not an OpenTok session id.");
		}
		JsonNode project = root.get("projectId");
		if (project != null && !project.isNull() && !project.isString() && !project.isIntegralNumber()) {
			throw new InvalidCallback("projectId must be a string or a number.");
		}
		String projectId = (project == null || project.isNull()) ? null : project.asString();
		if (ACKNOWLEDGED.contains(event)) {
			return new Callback(event, projectId, null);
		}
		SessionEventType type = PUBLISHED.get(event);
		if (type == null) {
			throw new InvalidCallback("Unknown event '" + event.substring(0, Math.min(event.length(), 40)) + "'.");
		}
		long timestamp = number(root, "timestamp");
		String reason = text(root, "reason", 64, false);
		boolean streamEvent = type == SessionEventType.STREAM_CREATED || type == SessionEventType.STREAM_DESTROYED;
		JsonNode stream = streamEvent ? object(root, "stream") : null;
		JsonNode connection = streamEvent ? object(stream, "connection") : object(root, "connection");
		String connectionId = id(connection, "id");
		String data = text(connection, "data", MAX_CONNECTION_DATA, false);
		if (connection.has("createdAt")) {
			number(connection, "createdAt");
		}
		String streamId = streamEvent ? id(stream, "id") : null;
		if (streamEvent) {
			text(stream, "name", MAX_TEXT, false);
			text(stream, "videoType", 16, false);
		}
		String eventId = UUID
			.nameUUIDFromBytes(String.join("|", sessionId, event, connectionId, (streamId != null) ? streamId : "")
				.getBytes(StandardCharsets.UTF_8))
			.toString();
		return new Callback(event, projectId, new SessionEvent(eventId, sessionId, type, connectionId,
				(data != null) ? data : "", streamId, reason, timestamp));
	}

	private static String text(JsonNode parent, String field, int maxLength, boolean required) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			if (required) {
				throw new InvalidCallback(field + " is missing.");
			}
			return null;
		}
		if (!node.isString()) {
			throw new InvalidCallback(field + " must be a string.");
		}
		String value = node.asString();
		if (value.length() > maxLength) {
			throw new InvalidCallback(field + " is longer than " + maxLength + " characters.");
		}
		if (required && value.isBlank()) {
			throw new InvalidCallback(field + " is empty.");
		}
		return value;
	}

	private static String id(JsonNode parent, String field) {
		String value = text(parent, field, 255, true);
		if (!OPENTOK_ID.matcher(value).matches()) {
			throw new InvalidCallback(field + " is not an OpenTok id.");
		}
		return value;
	}

	private static long number(JsonNode parent, String field) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			throw new InvalidCallback(field + " is missing.");
		}
		if (!node.isIntegralNumber() || node.asLong() < 0) {
			throw new InvalidCallback(field + " must be a whole number of milliseconds.");
		}
		return node.asLong();
	}

	private static JsonNode object(JsonNode parent, String field) {
		JsonNode node = parent.get(field);
		if (node == null || !node.isObject()) {
			throw new InvalidCallback(field + " must be an object.");
		}
		return node;
	}

}
