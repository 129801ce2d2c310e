package org.callcenter.queue.store;

import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.calls.ChatMessage;

/**
 * Chat messages as chat.lua keeps them (JSON with {@code at} as epoch milliseconds in a
 * string, so that Lua's number formatting never rounds it).
 */
public final class ChatMessages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ChatMessages() {
	}

	/** The message chat.lua wrote as {@code json}; null for none (null or empty). */
	public static ChatMessage parse(String json) {
		if (json == null || json.isEmpty()) {
			return null;
		}
		Stored stored = JSON.readValue(json, Stored.class);
		return new ChatMessage(stored.seq(), stored.from(), stored.name(), stored.text(),
				Instant.ofEpochMilli(Long.parseLong(stored.at())));
	}

	private record Stored(long seq, String from, String name, String text, String at) {
	}

}
