package org.callcenter.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard that docker-compose's monitoring profile provisions asks only for
 * series the services really export: every metric its queries name is in the
 * {@code /actuator/prometheus} answer of one of the services Prometheus scrapes, taken
 * from the running suite. A renamed meter would otherwise leave a panel empty without a
 * word.
 */
class MonitoringDashboardIT {

	private static final Path DASHBOARD = Path.of("..", "compose", "grafana", "dashboards", "callcenter.json");

	/** The services compose/prometheus/prometheus.yml scrapes. */
	private static final List<String> SCRAPED = List.of("queue-service", "stats-service", "callback-service",
			"token-service");

	private static final Pattern METRIC = Pattern.compile("\\b(callcenter_[a-z_]+)\\b");

	@Test
	void everySeriesTheDashboardQueriesIsExportedByAScrapedService() throws Exception {
		Set<String> queried = queriedMetrics();
		assertThat(queried).contains("callcenter_stats_waiting", "callcenter_stats_longest_wait_seconds",
				"callcenter_stats_calls_answered_in_threshold_total", "callcenter_session_monitoring_missing");

		Set<String> exported = new TreeSet<>();
		HttpClient http = HttpClient.newHttpClient();
		for (String service : SCRAPED) {
			HttpResponse<String> scrape = http
				.send(HttpRequest.newBuilder(URI.create(RunningSuite.get().url(service) + "/actuator/prometheus"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(scrape.statusCode()).as(service).isEqualTo(200);
			for (String line : scrape.body().split("\n")) {
				if (!line.startsWith("#")) {
					Matcher name = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)").matcher(line);
					if (name.find()) {
						exported.add(name.group(1));
					}
				}
			}
		}
		assertThat(exported).containsAll(queried);
	}

	private static Set<String> queriedMetrics() throws IOException {
		JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
		Set<String> metrics = new TreeSet<>();
		for (JsonNode expression : dashboard.findValues("expr")) {
			Matcher matcher = METRIC.matcher(expression.asString());
			while (matcher.find()) {
				metrics.add(matcher.group(1));
			}
		}
		return metrics;
	}

}
