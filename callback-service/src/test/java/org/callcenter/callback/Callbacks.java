package org.callcenter.callback;

import java.nio.charset.StandardCharsets;

import org.callcenter.testsupport.VonageSignatures;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Sends callbacks as OpenTok does, with bodies from its documentation, and Vonage-style
 * signatures.
 */
final class Callbacks {

	private final RestClient http;

	Callbacks(int port) {
		this.http = RestClient.create("http://127.0.0.1:" + port);
	}

	static String connection(String event, String sessionId, String connectionId, String data) {
		return """
				{"sessionId":"%s","projectId":"12345678","event":"%s","timestamp":1700000000123,\
				"connection":{"id":"%s","createdAt":1700000000000,"data":%s}%s}""".formatted(sessionId, event,
				connectionId, quote(data), event.endsWith("Destroyed") ? ",\"reason\":\"clientDisconnected\"" : "");
	}

	static String stream(String event, String sessionId, String streamId, String connectionId) {
		return """
				{"sessionId":"%s","projectId":"12345678","event":"%s","timestamp":1700000000456,\
				"stream":{"id":"%s","connection":{"id":"%s","createdAt":1700000000000,"data":""},\
				"createdAt":1700000000400,"name":"Ann","videoType":"camera"}%s}""".formatted(sessionId, event, streamId,
				connectionId, event.endsWith("Destroyed") ? ",\"reason\":\"clientDisconnected\"" : "");
	}

	static String session(String event, String sessionId) {
		return """
				{"sessionId":"%s","projectId":"12345678","event":"%s","timestamp":1700000000000}""".formatted(sessionId,
				event);
	}

	int post(String body) {
		return post(body, null);
	}

	int post(String body, String authorization) {
		RestClient.RequestBodySpec request = this.http.post()
			.uri("/ot_callback")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body.getBytes(StandardCharsets.UTF_8));
		if (authorization != null) {
			request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		return request.exchange((req, res) -> res.getStatusCode().value());
	}

	/** The body of a GET, whatever its status (health answers 503 when down). */
	String get(String path) {
		return this.http.get()
			.uri(path)
			.exchange((req, res) -> new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
	}

	static String sign(String body, String secret, String issuer) {
		return VonageSignatures.authorization(body, secret, issuer);
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
