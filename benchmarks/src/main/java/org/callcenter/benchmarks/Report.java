package org.callcenter.benchmarks;

import java.util.Locale;

/**
 * The results of one run as Markdown: each figure with its floor (the cheapest request of
 * the same server, measured in the same run the same way), the ratio the performance
 * targets are stated in, and the target.
 */
final class Report {

	private Report() {
	}

	/**
	 * The closed-loop table.
	 * @param oldDemo the old Node demo's POST /dial, or null when it was not measured
	 */
	static String closedLoop(Options options, Figures dialGateway, Figures dialQueue, Figures gatewayHealth,
			Figures callerPage, Figures queueHealth, Figures oldDemo) {
		MarkdownTable table = new MarkdownTable("request", "requests/s", "p50 ms", "p99 ms", "errors",
				"floor, same run", "floor requests/s", "floor p99 ms", "figure vs floor", "target");
		table.row(closed("POST /api/calls through the gateway", dialGateway, "gateway GET /actuator/health",
				gatewayHealth, "≥ 40 % of the floor's requests/s"));
		if (oldDemo != null) {
			table.row(cells("POST /api/calls through the gateway, against the old demo", dialGateway,
					"old demo POST /dial", oldDemo,
					MarkdownTable.times(dialGateway.perSecond(), oldDemo.perSecond()) + " requests/s, p99 "
							+ MarkdownTable.times(dialGateway.percentile(99), oldDemo.percentile(99)),
					"≥ 2× requests/s, p99 ≤ 0.5×"));
		}
		table.row(closed("POST /api/calls straight to queue-service", dialQueue, "queue-service GET /actuator/health",
				queueHealth, "–"));
		table.row(closed("GET /caller.html through the gateway", callerPage, "gateway GET /actuator/health",
				gatewayHealth, "≥ 80 % of the floor's requests/s"));
		table.row(cells("gateway GET /actuator/health", gatewayHealth, "(floor)", null, "–", "–"));
		table.row(cells("queue-service GET /actuator/health", queueHealth, "(floor)", null, "–", "–"));
		if (oldDemo != null) {
			table.row(cells("old Node demo POST /dial, same emulator", oldDemo, "–", null, "–", "–"));
		}
		return heading("Closed loop: " + options.connections() + " connections with keep-alive, each sending as soon "
				+ "as answered (wrk -c" + options.connections() + "), " + seconds(options.warmUp()) + " s warm-up, "
				+ seconds(options.measured()) + " s measured") + table.render();
	}

	/** The open-loop table: dials at a constant rate, beside the health check at it. */
	static String openLoop(Options options, OpenLoop.Result dial, OpenLoop.Result health) {
		MarkdownTable table = new MarkdownTable("request", "offered/s", "achieved/s", "p50 ms", "p99 ms", "max ms",
				"errors", "floor, same rate: gateway GET /actuator/health p50 / p99 / max ms", "target");
		Figures d = dial.figures();
		Figures h = health.figures();
		table.row("POST /api/calls through the gateway", MarkdownTable.rate(dial.offeredPerSecond()),
				MarkdownTable.rate(d.perSecond()), MarkdownTable.millis(d.percentile(50)),
				MarkdownTable.millis(d.percentile(99)), MarkdownTable.millis(d.max()), String.valueOf(d.errors()),
				MarkdownTable.millis(h.percentile(50)) + " / " + MarkdownTable.millis(h.percentile(99)) + " / "
						+ MarkdownTable.millis(h.max()),
				"p99 < 50 ms at 200/s");
		return heading("Open loop: requests due at a constant rate, latency counted from when each was due "
				+ "(coordinated omission accounted for), " + seconds(options.warmUp()) + " s warm-up, "
				+ seconds(options.dialTime()) + " s measured, up to " + options.openConnections() + " connections")
				+ table.render();
	}

	static String webhooks(Options options, WebhookToConsole.Result result) {
		MarkdownTable table = new MarkdownTable("path", "offered/s", "achieved/s", "agent streams", "events arrived",
				"p50 ms", "p99 ms", "max ms", "floor, same posts: POST /ot_callback answered p50 / p99 ms", "target");
		Figures pushes = result.pushes();
		Figures answered = result.answered().figures();
		table.row("signed connectionCreated → callers event on the agent's stream",
				MarkdownTable.rate(result.answered().offeredPerSecond()), MarkdownTable.rate(answered.perSecond()),
				String.valueOf(result.agents()), pushes.count() + " of " + (pushes.count() + pushes.errors()),
				MarkdownTable.millis(pushes.percentile(50)), MarkdownTable.millis(pushes.percentile(99)),
				MarkdownTable.millis(pushes.max()),
				MarkdownTable.millis(answered.percentile(50)) + " / " + MarkdownTable.millis(answered.percentile(99))
						+ ((answered.errors() > 0) ? " (" + answered.errors() + " errors)" : ""),
				"p99 < 100 ms at 1,000/s with 100 streams");
		return heading("Webhook → agent console: webhooks posted to the gateway's /ot_callback at a constant rate, "
				+ "latency from when each was due to its event on the agent's stream, " + seconds(options.warmUp())
				+ " s warm-up, " + seconds(options.webhookTime()) + " s measured") + table.render();
	}

	private static String[] closed(String what, Figures figures, String floorName, Figures floor, String target) {
		return cells(what, figures, floorName, floor,
				MarkdownTable.percent(figures.perSecond(), floor.perSecond()) + " requests/s", target);
	}

	private static String[] cells(String what, Figures figures, String floorName, Figures floor, String share,
			String target) {
		return new String[] { what, MarkdownTable.rate(figures.perSecond()),
				MarkdownTable.millis(figures.percentile(50)), MarkdownTable.millis(figures.percentile(99)),
				String.valueOf(figures.errors()), floorName,
				(floor != null) ? MarkdownTable.rate(floor.perSecond()) : "",
				(floor != null) ? MarkdownTable.millis(floor.percentile(99)) : "", share, target };
	}

	private static String heading(String text) {
		return "\n" + text + ":\n\n";
	}

	private static String seconds(java.time.Duration duration) {
		double s = duration.toMillis() / 1000.0;
		return (s == Math.rint(s)) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s);
	}

}
