package org.callcenter.emulator.sessions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.callcenter.emulator.auth.ClientTokens.ClientToken;
import org.callcenter.emulator.callbacks.SessionMonitor;
import org.callcenter.emulator.system.EmulatorProperties;

import org.springframework.stereotype.Component;

/**
 * The live sessions, in memory: who is connected, what is published, and delivery of
 * session events, signals and WebRTC negotiation between browsers. One lock keeps each
 * event's notifications in order; the emulator serves a developer's machine or a test,
 * not a crowd.
 */
@Component
public class Sessions {

	private final Map<String, Map<String, Client>> clients = new LinkedHashMap<>();

	private final Map<String, Map<String, Stream>> streams = new LinkedHashMap<>();

	private final SessionMonitor monitor;

	private final EmulatorProperties properties;

	private final Clock clock;

	Sessions(SessionMonitor monitor, EmulatorProperties properties, Clock clock) {
		this.monitor = monitor;
		this.properties = properties;
		this.clock = clock;
	}

	public String create() {
		return SessionIds.create(this.properties.apiKeyText(), this.clock.millis());
	}

	/**
	 * Connects a browser; answers what it needs to see: itself, the others and their
	 * streams.
	 */
	public synchronized Map<String, Object> join(ClientToken token, Consumer<Map<String, Object>> inbox,
			Runnable hangUp) {
		String sessionId = token.sessionId();
		Client client = new Client(UUID.randomUUID().toString(), token.data(), this.clock.millis(), token.role(), inbox,
				hangUp);
		Map<String, Client> present = this.clients.computeIfAbsent(sessionId, (id) -> new LinkedHashMap<>());
		if (present.isEmpty()) {
			this.monitor.sessionEvent(sessionId, "sessionCreated", Map.of());
		}
		List<Object> others = present.values().stream().map(Client::asConnection).map(Object.class::cast).toList();
		List<Object> published = streamsOf(sessionId).values()
			.stream()
			.map(Stream::asStream)
			.map(Object.class::cast)
			.toList();
		present.values()
			.forEach(
					(other) -> other.inbox().accept(message("connectionCreated", "connection", client.asConnection())));
		present.put(client.connectionId(), client);
		this.monitor.sessionEvent(sessionId, "connectionCreated", Map.of("connection", client.asCallbackConnection()));
		Map<String, Object> connected = message("connected", "connection", client.asConnection());
		connected.put("connections", others);
		connected.put("streams", published);
		return connected;
	}

	public synchronized void leave(String sessionId, String connectionId, String reason) {
		Map<String, Client> present = this.clients.get(sessionId);
		Client client = (present != null) ? present.remove(connectionId) : null;
		if (client == null) {
			return;
		}
		for (Stream stream : new ArrayList<>(streamsOf(sessionId).values())) {
			if (stream.owner() == client) {
				unpublish(sessionId, client, stream.streamId(), reason);
			}
		}
		Map<String, Object> destroyed = message("connectionDestroyed", "connection", client.asConnection());
		destroyed.put("reason", reason);
		present.values().forEach((other) -> other.inbox().accept(destroyed));
		this.monitor.sessionEvent(sessionId, "connectionDestroyed",
				Map.of("connection", client.asCallbackConnection(), "reason", reason));
		if (present.isEmpty()) {
			this.clients.remove(sessionId);
			this.streams.remove(sessionId);
			this.monitor.sessionEvent(sessionId, "sessionDestroyed", Map.of());
		}
	}

	/**
	 * Publishes a stream. The publisher hears {@code published} (with its
	 * {@code requestId}) before anyone hears {@code streamCreated}, so it knows its
	 * stream before subscribers ask for it.
	 */
	public synchronized void publish(String sessionId, String connectionId, String requestId, String name,
			boolean hasAudio, boolean hasVideo, String videoType) {
		Client owner = client(sessionId, connectionId);
		if (owner == null) {
			return;
		}
		Stream stream = new Stream(UUID.randomUUID().toString(), owner, (name != null) ? name : "", hasAudio, hasVideo,
				hasVideo ? ((videoType != null) ? videoType : "camera") : null, this.clock.millis());
		this.streams.computeIfAbsent(sessionId, (id) -> new LinkedHashMap<>()).put(stream.streamId(), stream);
		Map<String, Object> published = message("published", "stream", stream.asStream());
		published.put("requestId", requestId);
		owner.inbox().accept(published);
		Map<String, Object> created = message("streamCreated", "stream", stream.asStream());
		othersThan(sessionId, owner).forEach((other) -> other.inbox().accept(created));
		this.monitor.sessionEvent(sessionId, "streamCreated", Map.of("stream", stream.asCallbackStream()));
	}

	public synchronized void unpublish(String sessionId, String connectionId, String streamId) {
		Client owner = client(sessionId, connectionId);
		if (owner != null) {
			unpublish(sessionId, owner, streamId, "clientDisconnected");
		}
	}

	private void unpublish(String sessionId, Client owner, String streamId, String reason) {
		Stream stream = streamsOf(sessionId).get(streamId);
		if (stream == null || stream.owner() != owner) {
			return;
		}
		streamsOf(sessionId).remove(streamId);
		Map<String, Object> destroyed = message("streamDestroyed", "stream", stream.asStream());
		destroyed.put("reason", reason);
		othersThan(sessionId, owner).forEach((other) -> other.inbox().accept(destroyed));
		this.monitor.sessionEvent(sessionId, "streamDestroyed",
				Map.of("stream", stream.asCallbackStream(), "reason", reason));
	}

	/**
	 * Sends a signal to one connection, or to everyone in the session when {@code to} is
	 * null; {@code from} is null for signals sent through the REST API. Answers false for
	 * an unknown connection.
	 */
	public synchronized boolean signal(String sessionId, String to, String type, String data, String from) {
		Client sender = (from != null) ? client(sessionId, from) : null;
		Map<String, Object> signal = message("signal", "signalType", type);
		signal.put("data", data);
		signal.put("from", (sender != null) ? sender.asConnection() : null);
		if (to == null) {
			this.clients.getOrDefault(sessionId, Map.of()).values().forEach((client) -> client.inbox().accept(signal));
			return true;
		}
		Client target = client(sessionId, to);
		if (target == null) {
			return false;
		}
		target.inbox().accept(signal);
		return true;
	}

	/**
	 * Passes WebRTC negotiation (offers, answers, candidates) from one browser to
	 * another.
	 */
	public synchronized boolean relay(String sessionId, String from, String to, Map<String, Object> rtc) {
		Client target = client(sessionId, to);
		if (target == null || client(sessionId, from) == null) {
			return false;
		}
		Map<String, Object> relayed = new LinkedHashMap<>(rtc);
		relayed.put("type", "rtc");
		relayed.put("from", from);
		relayed.remove("to");
		target.inbox().accept(relayed);
		return true;
	}

	/**
	 * Disconnects a browser as a moderator would; answers false if it is not connected.
	 */
	public synchronized boolean forceDisconnect(String sessionId, String connectionId) {
		Client client = client(sessionId, connectionId);
		if (client == null) {
			return false;
		}
		client.inbox().accept(message("sessionDisconnected", "reason", "forceDisconnected"));
		leave(sessionId, connectionId, "forceDisconnected");
		client.hangUp().run();
		return true;
	}

	private Client client(String sessionId, String connectionId) {
		return this.clients.getOrDefault(sessionId, Map.of()).get(connectionId);
	}

	private Map<String, Stream> streamsOf(String sessionId) {
		return this.streams.getOrDefault(sessionId, new LinkedHashMap<>());
	}

	private List<Client> othersThan(String sessionId, Client client) {
		return this.clients.getOrDefault(sessionId, Map.of())
			.values()
			.stream()
			.filter((other) -> other != client)
			.toList();
	}

	private static Map<String, Object> message(String type, String key, Object value) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("type", type);
		message.put(key, value);
		return message;
	}

}
