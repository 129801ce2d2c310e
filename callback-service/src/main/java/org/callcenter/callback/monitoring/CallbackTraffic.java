package org.callcenter.callback.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.callcenter.callback.system.CallbackProperties;

import org.springframework.stereotype.Component;

/**
 * What this instance has seen of OpenTok's callbacks: verified ones, and ones refused
 * because their signature did not match. Callbacks that arrive but are all refused mean
 * the project signs them with another secret than {@code OPENTOK_SIGNATURE_SECRET}; the
 * call center then never hears that callers connected or left.
 */
@Component
public class CallbackTraffic {

	private final Clock clock;

	private final Duration window;

	private final AtomicReference<Instant> lastVerified = new AtomicReference<>();

	private final AtomicReference<Instant> lastRejected = new AtomicReference<>();

	private final AtomicLong rejected = new AtomicLong();

	private final Counter rejectedCounter;

	CallbackTraffic(CallbackProperties properties, MeterRegistry meters) {
		this.clock = Clock.systemUTC();
		this.window = properties.healthWindow();
		this.rejectedCounter = Counter.builder("callcenter.callbacks.signature.mismatches")
			.description("Callbacks refused because their signature did not match OPENTOK_SIGNATURE_SECRET")
			.register(meters);
	}

	public void verified() {
		this.lastVerified.set(this.clock.instant());
	}

	public void rejectedSignature() {
		this.lastRejected.set(this.clock.instant());
		this.rejected.incrementAndGet();
		this.rejectedCounter.increment();
	}

	/**
	 * A signature mismatch: callbacks were refused within the window and none verified
	 * since.
	 */
	public boolean signatureMismatch() {
		Instant rejectedAt = this.lastRejected.get();
		Instant verifiedAt = this.lastVerified.get();
		return rejectedAt != null && rejectedAt.isAfter(this.clock.instant().minus(this.window))
				&& (verifiedAt == null || verifiedAt.isBefore(rejectedAt));
	}

	public Instant lastVerifiedAt() {
		return this.lastVerified.get();
	}

	public Instant lastRejectedAt() {
		return this.lastRejected.get();
	}

	public long rejectedSinceStart() {
		return this.rejected.get();
	}

}
