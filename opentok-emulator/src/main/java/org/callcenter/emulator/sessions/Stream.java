package org.callcenter.emulator.sessions;

import java.util.LinkedHashMap;
import java.util.Map;

/** A published stream. {@code videoType} is null for audio only, as in OpenTok. */
record Stream(String streamId, Client owner, String name, boolean hasAudio, boolean hasVideo, String videoType,
		long createdAt) {

	/** As OpenTok.js shows a {@code Stream}. */
	Map<String, Object> asStream() {
		Map<String, Object> stream = new LinkedHashMap<>();
		stream.put("streamId", this.streamId);
		stream.put("connection", this.owner.asConnection());
		stream.put("name", this.name);
		stream.put("hasAudio", this.hasAudio);
		stream.put("hasVideo", this.hasVideo);
		stream.put("videoType", this.videoType);
		stream.put("creationTime", this.createdAt);
		return stream;
	}

	/** As session-monitoring callbacks show a stream. */
	Map<String, Object> asCallbackStream() {
		Map<String, Object> stream = new LinkedHashMap<>();
		stream.put("id", this.streamId);
		stream.put("connection", this.owner.asCallbackConnection());
		stream.put("createdAt", this.createdAt);
		stream.put("name", this.name);
		if (this.videoType != null) {
			stream.put("videoType", this.videoType);
		}
		return stream;
	}

}
