package org.callcenter.callback.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.sessions.SessionEvent;
import org.callcenter.contracts.sessions.SessionEventType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Session-monitoring callbacks with bodies as OpenTok documents them, and ones it could
 * never send.
 */
class CallbackParserTest {

	private static final String SESSION = "1_MX4xMjM0NTY3OH5-MTcwMDAwMDAwMDAwMH5hYmN-fg";

	/** As the application's mapper reads: nothing may follow the object. */
	private static final CallbackParser PARSER = new CallbackParser(
			JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build());

	@Test
	void aConnectionCreatedCallbackBecomesASessionEventWithWhoConnected() {
		Callback callback = parse("""
				{"sessionId":"%s","projectId":"12345678","event":"connectionCreated","timestamp":1700000000123,
				 "connection":{"id":"c-42","createdAt":1700000000000,
				               "data":"{\\"userId\\":\\"call-1\\",\\"userType\\":\\"caller\\"}"}}
				""".formatted(SESSION));

		assertThat(callback.event()).isEqualTo("connectionCreated");
		assertThat(callback.projectId()).isEqualTo("12345678");
		SessionEvent event = callback.toPublish();
		assertThat(event.sessionId()).isEqualTo(SESSION);
		assertThat(event.type()).isEqualTo(SessionEventType.CONNECTION_CREATED);
		assertThat(event.connectionId()).isEqualTo("c-42");
		assertThat(event.connectionData()).isEqualTo("{\"userId\":\"call-1\",\"userType\":\"caller\"}");
		assertThat(event.streamId()).isNull();
		assertThat(event.timestamp()).isEqualTo(1700000000123L);
	}

	@Test
	void aConnectionDestroyedCallbackKeepsItsReason() {
		SessionEvent event = parse(connection("connectionDestroyed", "c-42", ",\"reason\":\"clientDisconnected\""))
			.toPublish();

		assertThat(event.type()).isEqualTo(SessionEventType.CONNECTION_DESTROYED);
		assertThat(event.reason()).isEqualTo("clientDisconnected");
	}

	@Test
	void aStreamCallbackTakesTheConnectionFromItsStream() {
		SessionEvent event = parse("""
				{"sessionId":"%s","event":"streamCreated","timestamp":1700000000456,
				 "stream":{"id":"s-7","connection":{"id":"c-42","createdAt":1,"data":""},"createdAt":2,
				           "name":"Ann","videoType":"camera"}}
				""".formatted(SESSION)).toPublish();

		assertThat(event.type()).isEqualTo(SessionEventType.STREAM_CREATED);
		assertThat(event.streamId()).isEqualTo("s-7");
		assertThat(event.connectionId()).isEqualTo("c-42");
	}

	@Test
	void eventsTheCallCenterDoesNotUseAreAcknowledgedButNotPublished() {
		Callback created = parse("""
				{"sessionId":"%s","projectId":12345678,"event":"sessionCreated","timestamp":1}""".formatted(SESSION));

		assertThat(created.event()).isEqualTo("sessionCreated");
		assertThat(created.projectId()).as("a numeric project id reads as text").isEqualTo("12345678");
		assertThat(created.toPublish()).isNull();
	}

	@Test
	void everyDeliveryOfOneCallbackHasTheSameEventIdAndOtherCallbacksOthers() {
		String created = connection("connectionCreated", "c-42", "");

		String first = parse(created).toPublish().eventId();

		assertThat(parse(created).toPublish().eventId()).as("a retry by OpenTok").isEqualTo(first);
		assertThat(parse(connection("connectionDestroyed", "c-42", "")).toPublish().eventId()).isNotEqualTo(first);
		assertThat(parse(connection("connectionCreated", "c-43", "")).toPublish().eventId()).isNotEqualTo(first);
	}

	@Test
	void unknownExtraFieldsAreIgnoredAsOpenTokMayAddSome() {
		assertThat(parse(connection("connectionCreated", "c-42", ",\"region\":\"eu-west\",\"extra\":{\"a\":[1]}"))
			.toPublish()).isNotNull();
	}

	@Test
	void anUnknownEventIsRefused() {
		assertRefused("""
				{"sessionId":"%s","event":"connectionHijacked","timestamp":1,"connection":{"id":"c"}}"""
			.formatted(SESSION), "Unknown event");
	}

	@Test
	void bodiesThatAreNotAJsonObjectAreRefused() {
		assertRefused("not json", "not valid JSON");
		assertRefused("[1,2]", "JSON object");
		assertRefused(connection("connectionCreated", "c-42", "") + "{}", "not valid JSON");
	}

	@Test
	void missingOrWronglyTypedFieldsAreRefusedAndNamed() {
		assertRefused("""
				{"event":"connectionCreated","timestamp":1,"connection":{"id":"c"}}""", "sessionId is missing");
		assertRefused("""
				{"sessionId":"%s","event":"connectionCreated","connection":{"id":"c"}}""".formatted(SESSION),
				"timestamp is missing");
		assertRefused("""
				{"sessionId":"%s","event":"connectionCreated","timestamp":"soon","connection":{"id":"c"}}"""
			.formatted(SESSION), "timestamp must be a whole number");
		assertRefused("""
				{"sessionId":"%s","event":"connectionCreated","timestamp":-1,"connection":{"id":"c"}}"""
			.formatted(SESSION), "timestamp must be a whole number");
		assertRefused("""
				{"sessionId":"%s","event":"connectionCreated","timestamp":1,"connection":"c"}""".formatted(SESSION),
				"connection must be an object");
		assertRefused("""
				{"sessionId":"%s","event":"connectionCreated","timestamp":1,"connection":{"id":7}}"""
			.formatted(SESSION), "id must be a string");
		assertRefused("""
				{"sessionId":"%s","projectId":true,"event":"sessionCreated","timestamp":1}""".formatted(SESSION),
				"projectId must be a string or a number");
	}

	@Test
	void idsThatOpenTokNeverIssuesAreRefused() {
		assertRefused(connection("connectionCreated", "c-42", "").replace(SESSION, "1_../../etc"), "sessionId");
		assertRefused(connection("connectionCreated", "c 42; drop", ""), "id is not an OpenTok id");
		assertRefused(connection("connectionCreated", "c".repeat(256), ""), "id is longer than 255");
	}

	@Test
	void connectionDataLongerThanOpenTokAllowsIsRefused() {
		assertRefused("""
				{"sessionId":"%s","event":"connectionCreated","timestamp":1,"connection":{"id":"c","data":"%s"}}"""
			.formatted(SESSION, "x".repeat(1001)), "data is longer than 1000");
	}

	private static String connection(String event, String connectionId, String extra) {
		return """
				{"sessionId":"%s","projectId":"12345678","event":"%s","timestamp":1700000000123,\
				"connection":{"id":"%s","createdAt":1700000000000,"data":""}%s}""".formatted(SESSION, event,
				connectionId, extra);
	}

	private static Callback parse(String body) {
		return PARSER.parse(body.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertRefused(String body, String because) {
		assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidCallback.class).hasMessageContaining(because);
	}

}
