package org.callcenter.stats.figures;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for the events read and the summaries and figures stored. Jackson 3 ignores
 * properties it does not know; a type or reason added to the contracts later reads as
 * null rather than failing the record, so a newer queue-service never stops the figures.
 * No type headers: each topic and store holds one record type.
 */
final class JsonSerde<T> implements Serde<T> {

	static final JsonMapper JSON = JsonMapper.builder().enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL).build();

	private final Class<T> type;

	JsonSerde(Class<T> type) {
		this.type = type;
	}

	@Override
	public Serializer<T> serializer() {
		return (topic, data) -> (data != null) ? JSON.writeValueAsBytes(data) : null;
	}

	@Override
	public Deserializer<T> deserializer() {
		return (topic, bytes) -> (bytes != null) ? JSON.readValue(bytes, this.type) : null;
	}

}
