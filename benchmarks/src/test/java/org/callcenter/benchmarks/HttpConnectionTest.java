package org.callcenter.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HttpConnectionTest {

	@Test
	void requestsCarryHostAndLengthAndTheirBody() {
		byte[] request = HttpConnection.request("POST", URI.create("http://127.0.0.1:8080"), "/api/calls",
				Map.of("Origin", "http://127.0.0.1:8080"), "{\"name\":\"é\"}");
		assertThat(new String(request, StandardCharsets.UTF_8)).isEqualTo("POST /api/calls HTTP/1.1\r\n"
				+ "Host: 127.0.0.1:8080\r\nOrigin: http://127.0.0.1:8080\r\nContent-Length: 13\r\n\r\n{\"name\":\"é\"}");
		assertThat(new String(HttpConnection.request("GET", URI.create("http://localhost:1"), "/x", Map.of(), null),
				StandardCharsets.UTF_8))
			.isEqualTo("GET /x HTTP/1.1\r\nHost: localhost:1\r\n\r\n");
	}

	@Test
	void answersFramedByLengthAndByChunksAreReadWholeOneAfterAnother() throws IOException {
		InputStream answers = stream("HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nhello"
				+ "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n4\r\nWiki\r\n6;x=y\r\npedia!\r\n0\r\n\r\n"
				+ "HTTP/1.1 204 No Content\r\n\r\n");
		HttpConnection.Response first = HttpConnection.read(answers);
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.text()).isEqualTo("hello");
		assertThat(first.closes()).isFalse();
		HttpConnection.Response second = HttpConnection.read(answers);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.text()).isEqualTo("Wikipedia!");
		assertThat(HttpConnection.read(answers).status()).isEqualTo(204);
	}

	@Test
	void anAnswerWithoutLengthRunsToTheEndAndClosesTheConnection() throws IOException {
		HttpConnection.Response answer = HttpConnection
			.read(stream("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it"));
		assertThat(answer.text()).isEqualTo("all of it");
		assertThat(answer.closes()).isTrue();
	}

	@Test
	void aTruncatedAnswerIsAnError() {
		assertThatExceptionOfType(EOFException.class)
			.isThrownBy(() -> HttpConnection.read(stream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")));
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
