package org.callcenter.stats.figures;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole center's figures since its events began, and the calls waiting now (by call
 * id, with when each reached the center), so that the longest wait can be worked out at
 * the moment it is asked for. The waiting calls are few (the queue is capped), so one
 * record holds them.
 */
public record CenterFigures(Figures figures, Map<String, Instant> waitingSince) {

	public CenterFigures {
		waitingSince = (waitingSince != null) ? Collections.unmodifiableMap(new TreeMap<>(waitingSince)) : Map.of();
	}

	public static CenterFigures none() {
		return new CenterFigures(Figures.NONE, Map.of());
	}

	/**
	 * The figures after one call's change: its old part taken away, its new one added.
	 */
	CenterFigures plus(CallChange change) {
		Map<String, Instant> waiting = new TreeMap<>(this.waitingSince);
		waiting.remove(change.after().callId());
		if (change.after().waiting()) {
			waiting.put(change.after().callId(), change.after().firstAt());
		}
		return new CenterFigures(this.figures.plus(change.figures()), waiting);
	}

}
