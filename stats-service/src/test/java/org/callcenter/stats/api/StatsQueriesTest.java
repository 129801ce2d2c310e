package org.callcenter.stats.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.agents.AgentEvent.AgentEventType;
import org.callcenter.contracts.agents.AgentState;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.stats.figures.CallCenterEvents;
import org.callcenter.stats.figures.LocalStatsParts;
import org.callcenter.stats.system.StatsProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.callcenter.stats.figures.CallCenterEvents.T0;
import static org.callcenter.stats.figures.CallCenterEvents.at;

/** What depends on "now" is measured to the query's moment: a fixed clock here. */
class StatsQueriesTest {

	private final CallCenterEvents events = new CallCenterEvents();

	@AfterEach
	void close() {
		this.events.close();
	}

	private StatsQueries queriesAt(double seconds) {
		return new StatsQueries(new LocalStatsParts(this.events.stores),
				Clock.fixed(CallCenterEvents.at(seconds), ZoneOffset.UTC), properties());
	}

	private AgentIntervals agentIntervalsAt(double seconds) {
		return new AgentIntervals(new LocalStatsParts(this.events.stores),
				Clock.fixed(CallCenterEvents.at(seconds), ZoneOffset.UTC), properties());
	}

	private static StatsProperties properties() {
		return new StatsProperties(Duration.ofSeconds(20), Duration.ofSeconds(5), "stats-queries-test-secret",
				ZoneOffset.UTC, "localhost:8085", Duration.ofDays(7));
	}

	@Test
	void theLongestWaitIsMeasuredFromTheCallersArrivalToNow() {
		this.events.queued("first", 10);
		this.events.queued("second", 20);
		this.events.answered("answered", 0, 5, "alice");

		LiveStats live = queriesAt(70).live();
		assertThat(live.waitingNow()).isEqualTo(2);
		assertThat(live.longestWaitSeconds()).isEqualTo(60);
		assertThat(live.today().offered()).isEqualTo(3);
		assertThat(live.total().answered()).isEqualTo(1);

		this.events.accepted("first", 80, "bob");
		assertThat(queriesAt(90).live().longestWaitSeconds()).isEqualTo(70);
		this.events.ended("second", 95, null, CallEventReason.CALLER_LEFT);
		LiveStats nobodyWaits = queriesAt(100).live();
		assertThat(nobodyWaits.waitingNow()).isZero();
		assertThat(nobodyWaits.longestWaitSeconds()).isZero();
	}

	@Test
	void todayHoldsOnlyTheCallsSinceMidnight() {
		this.events.answered("yesterday", -3600 * 11, 10, "alice");
		this.events.answered("today", 0, 10, "alice");

		LiveStats live = queriesAt(60).live();
		assertThat(live.today().offered()).isEqualTo(1);
		assertThat(live.total().offered()).isEqualTo(2);
	}

	@Test
	void agentsShowTheirStateTimeInItAndTheirCalls() {
		this.events.agent("alice", 1, 0, AgentEventType.ONLINE, AgentState.AVAILABLE, null);
		this.events.answered("call", 5, 10, "alice");
		this.events.ended("call", 75, "alice", CallEventReason.AGENT_ENDED);
		this.events.agent("alice", 2, 75, AgentEventType.STATE_CHANGED, AgentState.WRAP_UP, null);
		this.events.agent("bob", 1, 30, AgentEventType.ONLINE, AgentState.AVAILABLE, null);

		List<AgentStats> agents = queriesAt(100).agents();
		assertThat(agents).containsExactly(
				new AgentStats("alice", AgentState.WRAP_UP, null, at(75), 25L, 1, 60, 60.0, 0, 0),
				new AgentStats("bob", AgentState.AVAILABLE, null, at(30), 70L, 0, 0, null, 0, 0));
	}

	@Test
	void theHandleTimeAddsTheWrapUpsThatFinished() {
		this.events.agent("alice", 1, 0, AgentEventType.ONLINE, AgentState.AVAILABLE, null);
		this.events.answered("first", 0, 10, "alice");
		this.events.ended("first", 70, "alice", CallEventReason.AGENT_ENDED);
		this.events.wrapUp("alice", 2, 70, 100);
		this.events.agent("alice", 3, 100, AgentEventType.STATE_CHANGED, AgentState.AVAILABLE, null);
		// the second call's wrap-up is under way: it counts with its talk time only
		this.events.answered("second", 100, 5, "alice");
		this.events.ended("second", 145, "alice", CallEventReason.CALLER_LEFT);
		this.events.wrapUp("alice", 4, 145, 175);

		LiveStats live = queriesAt(150).live();
		assertThat(live.total().handled()).isEqualTo(2);
		assertThat(live.total().averageHandleSeconds()).isEqualTo((60 + 30 + 40) / 2.0);
		assertThat(live.total().wrapUps()).isEqualTo(1);
		assertThat(live.total().averageWrapUpSeconds()).isEqualTo(30.0);
		assertThat(live.today()).isEqualTo(live.total());
		assertThat(queriesAt(150).agents()).singleElement()
			.satisfies((alice) -> assertThat(alice)
				.extracting(AgentStats::answered, AgentStats::handleSeconds, AgentStats::averageHandleSeconds,
						AgentStats::wrapUps, AgentStats::wrapUpSeconds)
				.containsExactly(2L, 130L, 65.0, 1L, 30L));

		this.events.agent("alice", 5, 160, AgentEventType.STATE_CHANGED, AgentState.AVAILABLE, null);
		assertThat(queriesAt(170).live().total().averageHandleSeconds()).isEqualTo((60 + 30 + 40 + 15) / 2.0);
		assertThat(intervals(170, null, null, "PT1H", null)).singleElement()
			.satisfies((hour) -> assertThat(hour.figures().averageHandleSeconds()).isEqualTo(72.5));
	}

	@Test
	void intervalsAreListedByStartFromTheQuarterHourTheRangeBeginsIn() {
		this.events.answered("ten", 60, 10, "alice");
		this.events.answered("quarter-past", 16 * 60, 30, "alice");
		this.events.answered("half-past", 31 * 60, 30, "alice");

		List<IntervalStats> intervals = intervals(3600, T0.plusSeconds(7 * 60) + "", T0.plusSeconds(30 * 60) + "", null,
				null);
		assertThat(intervals).extracting(IntervalStats::start)
			.containsExactly(T0, Instant.parse("2026-11-26T10:15:00Z"));
		assertThat(intervals.get(1).end()).isEqualTo(Instant.parse("2026-11-26T10:30:00Z"));
		assertThat(intervals.get(1).figures().serviceLevel()).isEqualTo(0.0);
		assertThat(intervals(3600, null, null, null, null)).hasSize(3);
	}

	@Test
	void daysAreSummedFromTheQuarterHoursOfTheZonesDay() {
		// 23:30 UTC on the 25th (00:30 in Paris), 10:00 and 23:45 UTC on the 26th (00:45
		// on the 27th in Paris)
		this.events.answered("late-evening", -10.5 * 3600, 10, "alice");
		this.events.answered("morning", 0, 30, "alice");
		this.events.abandoned("night", 13.75 * 3600, 40);

		List<IntervalStats> utc = intervals(14 * 3600, "2026-11-25", "2026-11-28", "P1D", "UTC");
		assertThat(utc).extracting(IntervalStats::start)
			.containsExactly(Instant.parse("2026-11-25T00:00:00Z"), Instant.parse("2026-11-26T00:00:00Z"));
		assertThat(utc).extracting((day) -> day.figures().offered()).containsExactly(1L, 2L);
		assertThat(utc.get(1).figures().serviceLevel()).isEqualTo(0.0);

		List<IntervalStats> paris = intervals(14 * 3600, "2026-11-25", "2026-11-28", "P1D", "Europe/Paris");
		assertThat(paris).extracting(IntervalStats::start)
			.containsExactly(Instant.parse("2026-11-25T23:00:00Z"), Instant.parse("2026-11-26T23:00:00Z"));
		assertThat(paris).extracting((day) -> day.figures().offered()).containsExactly(2L, 1L);
		assertThat(paris.get(0).figures().serviceLevel()).isEqualTo(0.5);
		assertThat(paris.get(0).figures().averageSpeedOfAnswerSeconds()).isEqualTo(20.0);
		assertThat(paris.get(1).figures().abandonRate()).isEqualTo(1.0);
	}

	@Test
	void aReportAsCsvHasAHeaderAndARowPerIntervalInTheZonesTime() {
		this.events.answered("morning", 0, 30, "alice");
		this.events.ended("morning", 90, "alice", CallEventReason.AGENT_ENDED);
		this.events.abandoned("gone", 60, 3);

		String csv = IntervalsCsv.write(intervals(3600, "2026-11-26", "2026-11-27", "PT1H", "Europe/Paris"),
				ZoneId.of("Europe/Paris"));
		assertThat(csv.split("\r\n")).containsExactly(IntervalsCsv.HEADER,
				"2026-11-26T11:00:00+01:00,2026-11-26T12:00:00+01:00,2,1,0,1,1,1,0,0,30,60,0,");
	}

	@Test
	void eachAgentsQuarterHoursAreSummedIntoHoursAndDays() {
		alicesAndBobsMorning();

		assertThat(agentIntervals(5 * 3600, "2026-11-26", "2026-11-27", "PT1H", "UTC")).containsExactly(
				new AgentIntervalStats("alice",
						List.of(new AgentInterval(T0, T0.plusSeconds(3600), new AgentFigureView(2, 180, 90.0, 1, 30)),
								new AgentInterval(T0.plusSeconds(3600), T0.plusSeconds(7200),
										new AgentFigureView(1, 60, 60.0, 0, 0)))),
				new AgentIntervalStats("bob", List
					.of(new AgentInterval(T0, T0.plusSeconds(3600), new AgentFigureView(1, 120, 120.0, 0, 0)))));
		// the quarter hours themselves: the wrap-up in the one it began in
		assertThat(agentIntervals(5 * 3600, "2026-11-26", "2026-11-27", null, "UTC").get(0).intervals())
			.extracting(AgentInterval::start, (quarter) -> quarter.figures().wrapUps())
			.containsExactly(tuple(T0, 0L), tuple(T0.plusSeconds(900), 1L), tuple(T0.plusSeconds(3600), 0L));
		Instant parisMidnight = Instant.parse("2026-11-25T23:00:00Z");
		assertThat(agentIntervals(5 * 3600, "2026-11-26", "2026-11-27", "P1D", "Europe/Paris")).containsExactly(
				new AgentIntervalStats("alice",
						List.of(new AgentInterval(parisMidnight, parisMidnight.plus(Duration.ofDays(1)),
								new AgentFigureView(3, 240, 80.0, 1, 30)))),
				new AgentIntervalStats("bob", List.of(new AgentInterval(parisMidnight,
						parisMidnight.plus(Duration.ofDays(1)), new AgentFigureView(1, 120, 120.0, 0, 0)))));
		assertThatExceptionOfType(InvalidRange.class)
			.isThrownBy(() -> agentIntervals(0, T0 + "", T0.minusSeconds(60) + "", null, null));
	}

	@Test
	void anAgentsReportAsCsvHasARowPerAgentAndInterval() {
		alicesAndBobsMorning();

		String csv = AgentIntervalsCsv.write(
				agentIntervals(5 * 3600, "2026-11-26", "2026-11-27", "PT1H", "Europe/Paris"),
				ZoneId.of("Europe/Paris"));
		assertThat(csv.split("\r\n")).containsExactly(AgentIntervalsCsv.HEADER,
				"alice,2026-11-26T11:00:00+01:00,2026-11-26T12:00:00+01:00,2,180,90,1,30",
				"alice,2026-11-26T12:00:00+01:00,2026-11-26T13:00:00+01:00,1,60,60,0,0",
				"bob,2026-11-26T11:00:00+01:00,2026-11-26T12:00:00+01:00,1,120,120,0,0");
		// an agent id is text: quoted where needed, never read as a formula
		assertThat(AgentIntervalsCsv.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(AgentIntervalsCsv.text("smith, jo")).isEqualTo("\"smith, jo\"");
	}

	@Test
	void anAgentsOwnFiguresHaveTodayBesideTheTotals() {
		this.events.answered("yesterday", -3600 * 11, 10, "alice");
		this.events.ended("yesterday", -3600 * 11 + 70, "alice", CallEventReason.AGENT_ENDED);
		this.events.answered("today", 0, 10, "alice");
		this.events.ended("today", 100, "alice", CallEventReason.AGENT_ENDED);
		this.events.answered("bobs", 200, 10, "bob");

		AgentFigureView today = agentIntervalsAt(3600).today("alice");
		assertThat(today).isEqualTo(new AgentFigureView(1, 90, 90.0, 0, 0));
		assertThat(agentIntervalsAt(3600).today("carol")).isEqualTo(AgentFigureView.NONE);
		AgentStats totals = queriesAt(3600).agents().get(0);
		assertThat(totals.answered()).isEqualTo(2);

		// as the console reads it: the totals' fields as before, today beside them
		JsonNode own = JsonMapper.builder().build().valueToTree(new OwnStats(totals, today));
		assertThat(own.get("agentId").asString()).isEqualTo("alice");
		assertThat(own.get("answered").asLong()).isEqualTo(2);
		assertThat(own.get("handleSeconds").asLong()).isEqualTo(150);
		assertThat(own.at("/today/answered").asLong()).isEqualTo(1);
		assertThat(own.at("/today/averageHandleSeconds").asDouble()).isEqualTo(90.0);
		assertThat(own.has("totals")).isFalse();
	}

	/**
	 * Alice: calls dialed at 10:00 (60 s), 10:20 (90 s, then a 30 s wrap-up) and 11:10
	 * (60 s); bob: 10:50 (120 s).
	 */
	private void alicesAndBobsMorning() {
		this.events.agent("alice", 1, 0, AgentEventType.ONLINE, AgentState.AVAILABLE, null);
		this.events.answered("a1", 0, 10, "alice");
		this.events.ended("a1", 70, "alice", CallEventReason.AGENT_ENDED);
		this.events.answered("a2", 1200, 10, "alice");
		this.events.ended("a2", 1300, "alice", CallEventReason.AGENT_ENDED);
		this.events.wrapUp("alice", 2, 1300, 1330);
		this.events.agent("alice", 3, 1330, AgentEventType.STATE_CHANGED, AgentState.AVAILABLE, null);
		this.events.answered("a3", 4200, 5, "alice");
		this.events.ended("a3", 4265, "alice", CallEventReason.AGENT_ENDED);
		this.events.answered("b1", 3000, 5, "bob");
		this.events.ended("b1", 3125, "bob", CallEventReason.CALLER_LEFT);
	}

	@Test
	void aReversedOrOverlongRangeIsRefused() {
		assertThatExceptionOfType(InvalidRange.class)
			.isThrownBy(() -> intervals(0, T0 + "", T0.minusSeconds(60) + "", null, null));
		assertThatExceptionOfType(InvalidRange.class)
			.isThrownBy(() -> intervals(0, T0.minusSeconds(400L * 24 * 3600) + "", T0 + "", null, null));
	}

	private List<AgentIntervalStats> agentIntervals(double now, String from, String to, String size, String zone) {
		return agentIntervalsAt(now).intervals(queriesAt(now).range(from, to, size, zone));
	}

	private List<IntervalStats> intervals(double now, String from, String to, String size, String zone) {
		StatsQueries queries = queriesAt(now);
		return queries.intervals(queries.range(from, to, size, zone));
	}

}
