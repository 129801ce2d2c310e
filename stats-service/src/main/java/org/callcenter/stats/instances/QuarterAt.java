package org.callcenter.stats.instances;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.callcenter.stats.figures.StatsParts.QuarterPart;

/**
 * One quarter hour's part on the wire between instances (a list: no instants as JSON
 * keys).
 */
record QuarterAt(Instant start, QuarterPart part) {

	static List<QuarterAt> list(Map<Instant, QuarterPart> quarters) {
		return quarters.entrySet()
			.stream()
			.map((quarter) -> new QuarterAt(quarter.getKey(), quarter.getValue()))
			.toList();
	}

}
