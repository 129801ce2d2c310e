package org.callcenter.callback.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.callback.monitoring.CallbackTraffic;
import org.callcenter.callback.system.CallbackProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /ot_callback}, the old demo's webhook path. A callback is answered 200 only
 * after the event is in Kafka (or is one the call center does not use); 503 when Kafka
 * did not acknowledge, so OpenTok retries and nothing is lost; 4xx for bodies OpenTok
 * could never have sent, publishing nothing.
 */
@RestController
class WebhookController {

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	static final int MAX_BODY_BYTES = 64 * 1024;

	private final SignedCallbacks signatures;

	private final CallbackParser parser;

	private final SessionEventPublisher publisher;

	private final MeterRegistry meters;

	private final CallbackTraffic traffic;

	private final ReplayGuard replays;

	private final CallbackProperties properties;

	WebhookController(SignedCallbacks signatures, CallbackParser parser, SessionEventPublisher publisher,
			MeterRegistry meters, CallbackTraffic traffic, ReplayGuard replays, CallbackProperties properties) {
		this.signatures = signatures;
		this.parser = parser;
		this.traffic = traffic;
		this.replays = replays;
		this.properties = properties;
		this.publisher = publisher;
		this.meters = meters;
	}

	@PostMapping("/ot_callback")
	ResponseEntity<Void> receive(HttpServletRequest request) throws IOException {
		byte[] body = readBounded(request);
		String jti;
		try {
			jti = this.signatures.verify(request.getHeader(HttpHeaders.AUTHORIZATION), body);
		}
		catch (UnsignedCallback refused) {
			this.traffic.rejectedSignature();
			throw refused;
		}
		this.traffic.verified();
		Callback callback = this.parser.parse(body);
		if (this.properties.knowsProject() && callback.projectId() != null
				&& !this.properties.projectApiKey().equals(callback.projectId())) {
			throw new ForeignProject();
		}
		this.meters.counter("callcenter.callbacks.received", "event", callback.event()).increment();
		if (this.replays.alreadyAccepted(jti)) {
			this.meters.counter("callcenter.callbacks.replayed").increment();
			return ResponseEntity.ok().build();
		}
		if (callback.toPublish() != null) {
			this.publisher.publish(callback.toPublish());
			this.meters.counter("callcenter.callbacks.published", "event", callback.event()).increment();
			log.debug("published {} of session {}", callback.event(), callback.toPublish().sessionId());
		}
		this.replays.accepted(jti);
		return ResponseEntity.ok().build();
	}

	/**
	 * Reads at most one byte past the limit, whatever the client claims its length is.
	 */
	private static byte[] readBounded(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			throw new BodyTooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
			if (body.length > MAX_BODY_BYTES) {
				throw new BodyTooLarge();
			}
			return body;
		}
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidCallback invalid) {
		return reject(HttpStatus.BAD_REQUEST, "Invalid callback", "invalid-callback", invalid.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> foreign(ForeignProject foreign) {
		return reject(HttpStatus.FORBIDDEN, "Another project's callback", "foreign-project",
				"The callback is about another OpenTok project.");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unsigned(UnsignedCallback unsigned) {
		return reject(HttpStatus.UNAUTHORIZED, "Unsigned callback", "unsigned-callback", unsigned.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(BodyTooLarge tooLarge) {
		return reject(HttpStatus.CONTENT_TOO_LARGE, "Callback too large", "callback-too-large",
				"Callbacks are at most " + MAX_BODY_BYTES + " bytes.");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> kafkaDown(SessionEventPublisher.KafkaUnavailable unavailable) {
		log.warn("callback not stored, answering 503 so OpenTok retries: {}", String.valueOf(unavailable.getCause()));
		this.meters.counter("callcenter.callbacks.unavailable").increment();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The event could not be stored; retry later.");
		problem.setTitle("Event store unavailable");
		problem.setType(URI.create("urn:callcenter:problem:event-store-unavailable"));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

	private ResponseEntity<ProblemDetail> reject(HttpStatus status, String title, String type, String detail) {
		this.meters.counter("callcenter.callbacks.rejected", "reason", type).increment();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("urn:callcenter:problem:" + type));
		return ResponseEntity.status(status).body(problem);
	}

	static class BodyTooLarge extends RuntimeException {

		BodyTooLarge() {
			super("callback body too large");
		}

	}

	/** A callback whose body names another OpenTok project than this call center's. */
	static final class ForeignProject extends RuntimeException {

		ForeignProject() {
			super("another project", null, false, false);
		}

	}

}
