package org.callcenter.queue.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

import org.springframework.stereotype.Component;

/**
 * A trace carried through the Redis outbox as a W3C {@code traceparent}
 * ({@code 00-<trace id>-<span id>-<flags>}). Each change records the trace of the request
 * (or Kafka record, or sweep) that made it in its outbox entries, and the relay sends
 * each event to Kafka within that trace: the consumers (token-service signalling the
 * caller, the gateway pushing to pages) continue the trace of the click that caused the
 * event, not the relay's.
 */
@Component
public class TraceParents {

	private static final Pattern TRACE_PARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

	private final Tracer tracer;

	TraceParents(Tracer tracer) {
		this.tracer = tracer;
	}

	/**
	 * The current span as a {@code traceparent}, or an empty string outside any trace.
	 */
	public String current() {
		TraceContext context = this.tracer.currentTraceContext().context();
		if (context == null) {
			return "";
		}
		return "00-" + context.traceId() + "-" + context.spanId()
				+ (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
	}

	/**
	 * Makes the span a {@code traceparent} names the parent of what starts before the
	 * scope closes (a Kafka send, and so the consumers on the other side). An empty or
	 * malformed one continues nothing.
	 */
	public CurrentTraceContext.Scope continueFrom(String traceParent) {
		Matcher parts = (traceParent != null) ? TRACE_PARENT.matcher(traceParent) : null;
		if (parts == null || !parts.matches()) {
			return this.tracer.currentTraceContext().newScope(null);
		}
		TraceContext parent = this.tracer.traceContextBuilder()
			.traceId(parts.group(1))
			.spanId(parts.group(2))
			.sampled((Integer.parseInt(parts.group(3), 16) & 1) == 1)
			.build();
		return this.tracer.currentTraceContext().newScope(parent);
	}

}
