package org.callcenter.gateway.routing;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSizeLimitTest {

	private static final int KIB = 1024;

	private final RequestSizeLimit limit = new RequestSizeLimit();

	private final AtomicBoolean handled = new AtomicBoolean();

	private final AtomicLong bytesHandled = new AtomicLong();

	/** A handler that reads the whole body, as the proxy and the sign-in form do. */
	private final WebFilterChain readingHandler = (exchange) -> exchange.getRequest().getBody().doOnNext((buffer) -> {
		this.bytesHandled.addAndGet(buffer.readableByteCount());
		DataBufferUtils.release(buffer);
	}).then(Mono.fromRunnable(() -> this.handled.set(true)));

	@Test
	void aBodyThatDeclaresMoreThan64KiBIsRefused413BeforeAnyHandler() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/calls")
			.contentLength(64 * KIB + 1)
			.body(Flux.just(buffer(64 * KIB + 1))));

		this.limit.filter(exchange, this.readingHandler).block();

		assertThat(this.handled).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("urn:callcenter:problem:body-too-large")
			.contains("64 KiB");
	}

	@Test
	void aBodyOfExactly64KiBGoesThrough() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post("/api/calls").contentLength(64 * KIB).body(Flux.just(buffer(64 * KIB))));

		this.limit.filter(exchange, this.readingHandler).block();

		assertThat(this.handled).isTrue();
		assertThat(this.bytesHandled).hasValue(64 * KIB);
		assertThat(exchange.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void aChunkedBodyUnderTheLimitReachesTheHandlerWhole() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post("/ot_callback").body(Flux.just(buffer(16 * KIB), buffer(16 * KIB))));

		this.limit.filter(exchange, this.readingHandler).block();

		assertThat(this.handled).isTrue();
		assertThat(this.bytesHandled).hasValue(32 * KIB);
	}

	@Test
	void aChunkedBodyIsCountedAsItStreamsAndRefused413PastTheLimit() {
		// no Content-Length: only counting the chunks tells that the body is too large
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post("/api/calls").body(Flux.range(0, 5).map((i) -> buffer(16 * KIB))));

		this.limit.filter(exchange, this.readingHandler).block();

		assertThat(this.handled).as("the handler never completes with a partial body").isFalse();
		assertThat(this.bytesHandled.get()).isLessThanOrEqualTo(64 * KIB);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void aHugeChunkedBodyIsCutOffWithoutReadingItAll() {
		AtomicLong produced = new AtomicLong();
		Flux<DataBuffer> endless = Flux.generate((sink) -> {
			produced.addAndGet(64 * KIB);
			sink.next(buffer(64 * KIB));
		});
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post("/api/calls").body(endless));

		this.limit.filter(exchange, this.readingHandler).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(produced.get()).as("read up to the drain limit, not forever").isLessThan(4L * 1024 * KIB);
	}

	private static DataBuffer buffer(int size) {
		return DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]);
	}

}
