package org.callcenter.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Sends callbacks as OpenTok does, with bodies from its documentation, and Vonage-style signatures. */
final class Callbacks {

	private final RestClient http;

	Callbacks(int port) {
		this.http = RestClient.create("http://127.0.0.1:" + port);
	}

	static String connection(String event, String sessionId, String connectionId, String data) {
		return """
				{"sessionId":"%s","projectId":"12345678","event":"%s","timestamp":1700000000123,\
				"connection":{"id":"%s","createdAt":1700000000000,"data":%s}%s}"""
			.formatted(sessionId, event, connectionId, quote(data),
					event.endsWith("Destroyed") ? ",\"reason\":\"clientDisconnected\"" : "");
	}

	static String stream(String event, String sessionId, String streamId, String connectionId) {
		return """
				{"sessionId":"%s","projectId":"12345678","event":"%s","timestamp":1700000000456,\
				"stream":{"id":"%s","connection":{"id":"%s","createdAt":1700000000000,"data":""},\
				"createdAt":1700000000400,"name":"Ann","videoType":"camera"}%s}"""
			.formatted(sessionId, event, streamId, connectionId,
					event.endsWith("Destroyed") ? ",\"reason\":\"clientDisconnected\"" : "");
	}

	static String session(String event, String sessionId) {
		return """
				{"sessionId":"%s","projectId":"12345678","event":"%s","timestamp":1700000000000}"""
			.formatted(sessionId, event);
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

	static String sign(String body, String secret, String issuer) {
		try {
			Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
			String hash = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
			String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
			String claims = b64.encodeToString(("{\"iat\":1700000000,\"jti\":\"j-1\",\"iss\":\"" + issuer
					+ "\",\"payload_hash\":\"" + hash + "\",\"api_key\":\"12345678\"}")
				.getBytes(StandardCharsets.UTF_8));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String signature = b64.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));
			return "Bearer " + header + "." + claims + "." + signature;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
