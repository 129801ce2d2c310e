package org.callcenter.emulator.signalling;

import java.io.IOException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.emulator.auth.ClientTokens;
import org.callcenter.emulator.auth.Hs256;
import org.callcenter.emulator.sessions.Sessions;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The browser library's line to the emulator: one WebSocket per connected client carrying
 * JSON messages. A client first sends {@code connect} with its token; then
 * {@code publish}, {@code unpublish}, {@code signal}, {@code rtc} (WebRTC negotiation for
 * another connection) and {@code disconnect}. The emulator sends session events, signals
 * and relayed negotiation back.
 */
@Component
class SignallingHandler extends TextWebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(SignallingHandler.class);

	private static final String SESSION = "sessionId";

	private static final String CONNECTION = "connectionId";

	private final Sessions sessions;

	private final ClientTokens tokens;

	private final JsonMapper json;

	SignallingHandler(Sessions sessions, ClientTokens tokens, JsonMapper json) {
		this.sessions = sessions;
		this.tokens = tokens;
		this.json = json;
	}

	@Override
	protected void handleTextMessage(WebSocketSession socket, TextMessage text) throws IOException {
		Map<String, Object> message;
		try {
			@SuppressWarnings("unchecked")
			Map<String, Object> parsed = this.json.readValue(text.getPayload(), Map.class);
			message = parsed;
		}
		catch (JacksonException ex) {
			socket.close(CloseStatus.BAD_DATA);
			return;
		}
		String type = String.valueOf(message.get("type"));
		String sessionId = (String) socket.getAttributes().get(SESSION);
		String connectionId = (String) socket.getAttributes().get(CONNECTION);
		if ("connect".equals(type)) {
			connect(socket, message);
			return;
		}
		if (connectionId == null) {
			send(socket, Map.of("type", "error", "code", 1010, "message", "Not connected"));
			return;
		}
		switch (type) {
			case "publish" ->
				this.sessions.publish(sessionId, connectionId, String.valueOf(message.getOrDefault("requestId", "")),
						(String) message.get("name"), !Boolean.FALSE.equals(message.get("hasAudio")),
						!Boolean.FALSE.equals(message.get("hasVideo")), (String) message.get("videoType"));
			case "unpublish" -> this.sessions.unpublish(sessionId, connectionId, (String) message.get("streamId"));
			case "signal" -> {
				boolean sent = this.sessions.signal(sessionId, (String) message.get("to"),
						String.valueOf(message.getOrDefault("signalType", "")),
						String.valueOf(message.getOrDefault("data", "")), connectionId);
				send(socket,
						Map.of("type", "signalSent", "requestId", message.getOrDefault("requestId", ""), "ok", sent));
			}
			case "rtc" -> this.sessions.relay(sessionId, connectionId, (String) message.get("to"), message);
			case "disconnect" -> {
				this.sessions.leave(sessionId, connectionId, "clientDisconnected");
				socket.getAttributes().remove(CONNECTION);
				socket.close(CloseStatus.NORMAL);
			}
			default -> log.debug("ignoring message of type {}", type);
		}
	}

	private void connect(WebSocketSession socket, Map<String, Object> message) throws IOException {
		String sessionId = (String) message.get("sessionId");
		ClientTokens.ClientToken token;
		try {
			token = this.tokens.verify((String) message.get("token"), sessionId);
		}
		catch (Hs256.InvalidToken ex) {
			send(socket, Map.of("type", "error", "code", 1004, "message", "Invalid token: " + ex.getMessage()));
			socket.close(CloseStatus.POLICY_VIOLATION);
			return;
		}
		WebSocketSession out = new ConcurrentWebSocketSessionDecorator(socket, 5000, 1024 * 1024);
		Map<String, Object> connected = this.sessions.join(token, (event) -> send(out, event), () -> close(out));
		@SuppressWarnings("unchecked")
		Map<String, Object> connection = (Map<String, Object>) connected.get("connection");
		socket.getAttributes().put(SESSION, sessionId);
		socket.getAttributes().put(CONNECTION, connection.get("connectionId"));
		send(out, connected);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
		String sessionId = (String) socket.getAttributes().get(SESSION);
		String connectionId = (String) socket.getAttributes().get(CONNECTION);
		if (connectionId != null) {
			boolean orderly = status.equalsCode(CloseStatus.NORMAL) || status.equalsCode(CloseStatus.GOING_AWAY);
			this.sessions.leave(sessionId, connectionId, orderly ? "clientDisconnected" : "networkDisconnected");
		}
	}

	private void send(WebSocketSession socket, Map<String, Object> message) {
		try {
			if (socket.isOpen()) {
				socket.sendMessage(new TextMessage(this.json.writeValueAsString(message)));
			}
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("could not send to {}: {}", socket.getId(), ex.toString());
		}
	}

	private void close(WebSocketSession socket) {
		try {
			socket.getAttributes().remove(CONNECTION);
			socket.close(CloseStatus.NORMAL);
		}
		catch (IOException ex) {
			log.debug("could not close {}", socket.getId());
		}
	}

}
