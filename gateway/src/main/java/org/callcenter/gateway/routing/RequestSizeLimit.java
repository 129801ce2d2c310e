package org.callcenter.gateway.routing;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

import org.callcenter.gateway.system.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * No request the pages or OpenTok send is larger than a few kilobytes. Bodies larger than
 * 64 KiB (a callback's own limit) are answered 413 here, before they reach a service: a
 * service that refused them by closing the connection left the gateway answering 500, and
 * a huge sign-in form used to fail the same way. A body that declares its length is
 * refused at once; one sent in chunks, without a length, is counted as it streams and
 * refused when it passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit implements WebFilter {

	static final long MAX_BODY_BYTES = 64 * 1024;

	/**
	 * A refused body up to this size is read to its end and dropped before the 413 goes
	 * out: a server that closes a connection with unread data resets it, and the client
	 * never sees the answer. Anything larger is not worth reading; its sender may see the
	 * reset.
	 */
	static final long DRAINED_BYTES = 1024 * 1024;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > MAX_BODY_BYTES) {
			Mono<Void> drained = (declared <= DRAINED_BYTES)
					? exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).then().onErrorComplete()
					: Mono.empty();
			return drained.then(tooLarge(exchange));
		}
		if (declared >= 0) {
			return drainingUnread(chain.filter(exchange), exchange);
		}
		CountedBody body = new CountedBody(exchange.getRequest());
		return drainingUnread(chain.filter(exchange.mutate().request(body).build()), exchange).onErrorResume(
				(failure) -> body.exceeded() || causedByTooLargeBody(failure),
				(failure) -> exchange.getResponse().isCommitted() ? Mono.error(failure) : tooLarge(exchange));
	}

	/**
	 * A body nobody read (a handler that needs none, a refusal before the body) is read
	 * and dropped before the exchange ends: closing a connection with unread data resets
	 * it, and the client may lose the answer. A body already read cannot be subscribed
	 * again, which ends this at once.
	 */
	private static Mono<Void> drainingUnread(Mono<Void> handling, ServerWebExchange exchange) {
		return handling.then(drainUnread(exchange))
			.onErrorResume((failure) -> drainUnread(exchange).then(Mono.error(failure)));
	}

	private static Mono<Void> drainUnread(ServerWebExchange exchange) {
		AtomicLong drained = new AtomicLong();
		return exchange.getRequest()
			.getBody()
			.doOnNext(DataBufferUtils::release)
			.takeUntil((buffer) -> drained.addAndGet(buffer.readableByteCount()) > DRAINED_BYTES)
			.then()
			.onErrorComplete();
	}

	/**
	 * The proxy may fail in its own way once the body stops (hence
	 * {@link CountedBody#exceeded}), and a form read by the sign-in page hits the codecs'
	 * limit, set to the same size ({@code spring.codec.max-in-memory-size}), as a
	 * {@link DataBufferLimitException}.
	 */
	private static boolean causedByTooLargeBody(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLarge || cause instanceof DataBufferLimitException) {
				return true;
			}
		}
		return false;
	}

	private static Mono<Void> tooLarge(ServerWebExchange exchange) {
		return Problems.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
				"Requests are at most " + MAX_BODY_BYTES / 1024 + " KiB.");
	}

	private static final class CountedBody extends ServerHttpRequestDecorator {

		private final AtomicLong seen = new AtomicLong();

		CountedBody(ServerHttpRequest request) {
			super(request);
		}

		boolean exceeded() {
			return this.seen.get() > MAX_BODY_BYTES;
		}

		/**
		 * Passes the body on up to the limit; past it, drops the rest as it comes (up to
		 * {@link #DRAINED_BYTES}) and then fails, so the 413 reaches the client.
		 */
		@Override
		public Flux<DataBuffer> getBody() {
			return super.getBody().handle((DataBuffer buffer, SynchronousSink<DataBuffer> sink) -> {
				long total = this.seen.addAndGet(buffer.readableByteCount());
				if (total <= MAX_BODY_BYTES) {
					sink.next(buffer);
					return;
				}
				DataBufferUtils.release(buffer);
				if (total > DRAINED_BYTES) {
					sink.error(new BodyTooLarge());
				}
			}).concatWith(Flux.defer(() -> exceeded() ? Flux.error(new BodyTooLarge()) : Flux.empty()));
		}

	}

	private static final class BodyTooLarge extends RuntimeException {

		BodyTooLarge() {
			super("request body over " + MAX_BODY_BYTES + " bytes", null, false, false);
		}

	}

}
