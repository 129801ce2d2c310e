package org.callcenter.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table, and the ways its figures are written. */
final class MarkdownTable {

	private final List<String> headers;

	private final List<List<String>> rows = new ArrayList<>();

	MarkdownTable(String... headers) {
		this.headers = List.of(headers);
	}

	MarkdownTable row(String... cells) {
		if (cells.length != this.headers.size()) {
			throw new IllegalArgumentException(
					"a row of " + cells.length + " cells in a table of " + this.headers.size() + " columns");
		}
		this.rows.add(List.of(cells));
		return this;
	}

	String render() {
		StringBuilder table = new StringBuilder();
		line(table, this.headers);
		line(table, this.headers.stream().map((header) -> "---").toList());
		for (List<String> row : this.rows) {
			line(table, row);
		}
		return table.toString();
	}

	private static void line(StringBuilder table, List<String> cells) {
		table.append("| ").append(String.join(" | ", cells)).append(" |\n");
	}

	/** Milliseconds, with two decimals below 10 ms, one below 100 ms, none above. */
	static String millis(long micros) {
		double ms = micros / 1000.0;
		if (ms < 10) {
			return String.format(Locale.ROOT, "%.2f", ms);
		}
		return (ms < 100) ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
	}

	static String rate(double perSecond) {
		return (perSecond < 10) ? String.format(Locale.ROOT, "%.1f", perSecond)
				: String.format(Locale.ROOT, "%,.0f", perSecond);
	}

	/** {@code part / whole} as a percentage, or a dash when there is no whole. */
	static String percent(double part, double whole) {
		return (whole > 0) ? String.format(Locale.ROOT, "%.1f %%", 100 * part / whole) : "–";
	}

	/** {@code part / whole} as a factor, or a dash when there is no whole. */
	static String times(double part, double whole) {
		return (whole > 0) ? String.format(Locale.ROOT, "%.2f×", part / whole) : "–";
	}

}
