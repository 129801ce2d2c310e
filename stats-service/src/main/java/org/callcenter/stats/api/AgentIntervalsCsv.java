package org.callcenter.stats.api;

import java.time.ZoneId;
import java.util.List;
import java.util.StringJoiner;

/**
 * A per-agent report as CSV (RFC 4180), with the conventions of {@link IntervalsCsv}: one
 * header row, then one row per agent and interval (by agent id, then start), times in the
 * report's time zone with their offset, an empty cell for an average with nothing to
 * count. The agent id is the one cell that is text: it is quoted where RFC 4180 needs it,
 * and one a spreadsheet would take for a formula (starting with {@code = + - @}, a tab or
 * a carriage return) is prefixed with {@code '}.
 */
final class AgentIntervalsCsv {

	static final String HEADER = "agentId,start,end,answered,handleSeconds,averageHandleSeconds,wrapUps,wrapUpSeconds";

	private AgentIntervalsCsv() {
	}

	static String write(List<AgentIntervalStats> agents, ZoneId zone) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (AgentIntervalStats agent : agents) {
			for (AgentInterval interval : agent.intervals()) {
				AgentFigureView figures = interval.figures();
				StringJoiner row = new StringJoiner(",");
				row.add(text(agent.agentId()))
					.add(IntervalsCsv.time(interval.start(), zone))
					.add(IntervalsCsv.time(interval.end(), zone))
					.add(Long.toString(figures.answered()))
					.add(Long.toString(figures.handleSeconds()))
					.add(IntervalsCsv.decimal(figures.averageHandleSeconds(), 1))
					.add(Long.toString(figures.wrapUps()))
					.add(Long.toString(figures.wrapUpSeconds()));
				csv.append(row).append("\r\n");
			}
		}
		return csv.toString();
	}

	static String text(String value) {
		String cell = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (cell.contains(",") || cell.contains("\"") || cell.contains("\r") || cell.contains("\n")) {
			return "\"" + cell.replace("\"", "\"\"") + "\"";
		}
		return cell;
	}

}
