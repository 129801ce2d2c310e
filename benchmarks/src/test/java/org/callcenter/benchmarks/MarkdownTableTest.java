package org.callcenter.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MarkdownTableTest {

	@Test
	void rendersHeaderSeparatorAndRows() {
		String table = new MarkdownTable("request", "requests/s").row("GET /a", "12").row("GET /b", "3").render();
		assertThat(table).isEqualTo("""
				| request | requests/s |
				| --- | --- |
				| GET /a | 12 |
				| GET /b | 3 |
				""");
	}

	@Test
	void aRowMustFillEveryColumn() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MarkdownTable("a", "b").row("only one"));
	}

	@Test
	void figuresAreWrittenWithTheDigitsThatMatter() {
		assertThat(MarkdownTable.millis(1_234)).isEqualTo("1.23");
		assertThat(MarkdownTable.millis(45_678)).isEqualTo("45.7");
		assertThat(MarkdownTable.millis(1_420_000)).isEqualTo("1420");
		assertThat(MarkdownTable.rate(1920.4)).isEqualTo("1,920");
		assertThat(MarkdownTable.rate(4.25)).isEqualTo("4.3");
		assertThat(MarkdownTable.percent(44, 793)).isEqualTo("5.5 %");
		assertThat(MarkdownTable.times(44, 339)).isEqualTo("0.13×");
		assertThat(MarkdownTable.percent(1, 0)).isEqualTo("–");
	}

	@Test
	void theClosedLoopTableSetsEachFigureBesideItsFloorAndTarget() {
		Options options = Options.parse();
		Figures dial = Figures.of(new long[] { 10_000, 20_000 }, 0, 1);
		Figures health = Figures.of(new long[] { 1_000, 1_000, 1_000, 1_000 }, 0, 1);
		String table = Report.closedLoop(options, dial, dial, health, health, health, null);
		assertThat(table).contains(
				"| POST /api/calls through the gateway | 2.0 | 10.0 | 20.0 | 0 | gateway GET /actuator/health | 4.0 | 1.00 | 50.0 % requests/s | ≥ 40 % of the floor's requests/s |")
			.doesNotContain("old demo");
		String withDemo = Report.closedLoop(options, dial, dial, health, health, health, health);
		assertThat(withDemo).contains("| old demo POST /dial | 4.0 | 1.00 | 0.50× requests/s, p99 20.00× |");
	}

	@Test
	void theWebhookTableCountsEventsThatNeverArrivedAndShowsTheAnswersAsFloor() {
		Figures pushes = Figures.of(new long[] { 30_000, 40_000, 50_000 }, 1, 1);
		Figures answered = Figures.of(new long[] { 2_000, 3_000, 4_000, 5_000 }, 0, 1);
		String table = Report.webhooks(Options.parse(),
				new WebhookToConsole.Result(pushes, new OpenLoop.Result(answered, 100), 100));
		assertThat(table).contains("| 100 | 4.0 | 100 | 3 of 4 | 40.0 | 50.0 | 50.0 | 3.00 / 5.00 |");
	}

}
