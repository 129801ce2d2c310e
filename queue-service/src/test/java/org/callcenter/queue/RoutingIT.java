package org.callcenter.queue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.queue.QueueClient.Reply;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several queues routed by skill on real Redis: a caller reaches only an agent serving
 * its queue, primaries before backups, backups after the queue's backup delay, the higher
 * priority queue first; a queue outside its hours, or with nobody to serve it, refuses
 * the dial and says why.
 *
 * <p>
 * Queues: {@code sales} (first, backup delay 2 s), {@code vip} (priority 5),
 * {@code support} (refuses dials while nobody serving it is signed in), {@code billing}
 * (open one minute a week, on a day three days from today), {@code returns} (nobody
 * serves it; its callers overflow to vip's agents after 2 s). Agents: dave serves sales;
 * erin support, and sales as a backup; gus sales and vip; anyone else every queue. One
 * caller per agent at a time, so that who waits for whom shows.
 */
@TestPropertySource(properties = { "queue.namespace=routing", "queue.max-callers-per-agent=1",
		"queue.skills.dave.sales=1", "queue.skills.erin.support=1", "queue.skills.erin.sales=2",
		"queue.skills.gus.sales=1", "queue.skills.gus.vip=1" })
class RoutingIT extends QueueServiceTestBase {

	/** A weekday that is neither today nor tomorrow in UTC, whenever the test runs. */
	private static final DayOfWeek BILLING_DAY = LocalDate.now(ZoneOffset.UTC).plusDays(3).getDayOfWeek();

	/**
	 * Every queue from here: Spring binds a list from one property source only, and
	 * billing's hours depend on the day the test runs.
	 */
	@DynamicPropertySource
	static void queues(DynamicPropertyRegistry registry) {
		registry.add("queue.queues[0].id", () -> "sales");
		registry.add("queue.queues[0].display-name", () -> "Sales");
		registry.add("queue.queues[0].backup-delay", () -> "2s");
		registry.add("queue.queues[1].id", () -> "vip");
		registry.add("queue.queues[1].display-name", () -> "Priority line");
		registry.add("queue.queues[1].priority", () -> "5");
		registry.add("queue.queues[2].id", () -> "support");
		registry.add("queue.queues[2].display-name", () -> "Support");
		registry.add("queue.queues[2].refuse-when-nobody-signed-in", () -> "true");
		registry.add("queue.queues[3].id", () -> "billing");
		registry.add("queue.queues[3].display-name", () -> "Billing");
		registry.add("queue.queues[3].time-zone", () -> "UTC");
		registry.add("queue.queues[4].id", () -> "returns");
		registry.add("queue.queues[4].display-name", () -> "Returns");
		registry.add("queue.queues[4].overflow-after", () -> "2s");
		registry.add("queue.queues[4].overflow-to", () -> "vip");
		registry.add("queue.queues[3].hours[0]",
				() -> BILLING_DAY.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT)
						+ " 09:00-09:01");
	}

	@Test
	void aCallerReachesOnlyAnAgentServingItsQueue() {
		this.api.goOnline("dave");
		this.api.goOnline("erin");

		Reply support = this.api.dialInto("support", "needs support");
		Reply sales = this.api.dialInto("sales", "wants to buy");

		assertThat(support.agentId()).as("dave does not serve support").isEqualTo("erin");
		assertThat(sales.agentId()).isEqualTo("dave");
		assertThat(support.call().get("queue").asString()).isEqualTo("support");
		assertThat(this.api.status(sales.callId()).call().get("queue").asString()).isEqualTo("sales");
	}

	@Test
	void aDialNamingNoQueueJoinsTheFirst() {
		this.api.goOnline("dave");

		Reply dialed = this.api.dial("no queue named");

		assertThat(dialed.call().get("queue").asString()).isEqualTo("sales");
		assertThat(dialed.agentId()).isEqualTo("dave");
	}

	@Test
	void aPrimaryWithRoomIsPreferredToAnIdleBackup() {
		this.api.goOnline("erin");
		this.api.goOnline("gus");

		Reply first = this.api.dialInto("sales", "first");

		assertThat(first.agentId()).as("erin serves sales as a backup only").isEqualTo("gus");
	}

	@Test
	void aBackupTakesACallerOnlyAfterTheQueuesBackupDelay() {
		this.api.goOnline("erin");

		Reply waiting = this.api.dialInto("sales", "waits for a backup");

		assertThat(waiting.state()).as("a backup, before the backup delay").isEqualTo("WAITING");
		assertThat(waiting.position()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.api.status(waiting.callId()).agentId()).isEqualTo("erin"));
		JsonNode read = this.api.status(waiting.callId()).call();
		long waitedMs = java.time.Instant.parse(read.get("stateSince").asString()).toEpochMilli()
				- java.time.Instant.parse(read.get("joinedAt").asString()).toEpochMilli();
		assertThat(waitedMs).as("given to the backup after the 2 s backup delay").isGreaterThanOrEqualTo(2_000);
	}

	@Test
	void aPrimaryFreedBeforeTheBackupDelayTakesTheCallerInstead() {
		this.api.goOnline("erin");
		this.api.goOnline("dave");
		Reply busy = this.api.dialInto("sales", "keeps dave busy");
		Reply waiting = this.api.dialInto("sales", "waits");
		assertThat(waiting.state()).isEqualTo("WAITING");

		this.api.end("dave", busy.callId());

		assertThat(this.api.status(waiting.callId()).agentId()).isEqualTo("dave");
	}

	@Test
	void anAgentServingSeveralQueuesTakesTheHigherPriorityQueueFirstThenTheLongestWaiting() {
		Reply salesFirst = this.api.dialInto("sales", "arrived first, sales");
		Reply vip = this.api.dialInto("vip", "arrived second, priority line");
		Reply salesThird = this.api.dialInto("sales", "arrived third, sales");
		assertThat(this.api.status(vip.callId()).position()).as("places are per queue").isEqualTo(1);
		assertThat(this.api.status(salesThird.callId()).position()).isEqualTo(2);

		this.api.goOnline("gus");

		assertThat(this.api.status(vip.callId()).agentId()).isEqualTo("gus");
		assertThat(this.api.status(salesFirst.callId()).position()).isEqualTo(1);
		this.api.end("gus", vip.callId());
		assertThat(this.api.status(salesFirst.callId()).agentId()).as("then the longest waiting").isEqualTo("gus");
		assertThat(this.api.status(salesThird.callId()).position()).isEqualTo(1);
	}

	@Test
	void aCallerWhoseAgentLeavesGoesBackToItsOwnQueueAheadOfLaterCallers() {
		this.api.goOnline("dave");
		this.api.goOnline("erin");
		Reply withDave = this.api.dialInto("sales", "with dave");
		Reply later = this.api.dialInto("sales", "later");
		Reply support = this.api.dialInto("support", "support, taken by erin");
		assertThat(support.agentId()).isEqualTo("erin");
		assertThat(later.state()).isEqualTo("WAITING");

		this.api.goOffline("dave");

		Reply back = this.api.status(withDave.callId());
		assertThat(back.state()).isEqualTo("WAITING");
		assertThat(back.call().get("queue").asString()).isEqualTo("sales");
		assertThat(back.position()).isEqualTo(1);
		assertThat(this.api.status(later.callId()).position()).isEqualTo(2);
	}

	@Test
	void aQueueThatRefusesWithNobodySignedInSaysSoAndTakesCallsOnceSomeoneIs() {
		assertThat(choice("support").get("acceptsCalls").asBoolean()).isFalse();
		assertThat(choice("support").get("closedReason").asString()).isEqualTo("nobodySignedIn");

		Reply refused = this.api.dialInto("support", "too early");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("urn:callcenter:problem:nobody-signed-in");
		assertThat(this.api.snapshot().body().get("liveCalls")).as("nothing stored").isEmpty();

		this.api.goOnline("dave");
		assertThat(this.api.dialInto("support", "dave does not serve support").status()).isEqualTo(409);
		this.api.goOnline("erin");
		this.api.goAway("erin", "break", false);
		assertThat(choice("support").get("acceptsCalls").asBoolean()).as("signed in, away").isTrue();
		Reply taken = this.api.dialInto("support", "waits for erin");
		assertThat(taken.status()).isEqualTo(201);
		assertThat(taken.state()).isEqualTo("WAITING");
	}

	@Test
	void aQueueOutsideItsHoursRefusesTheDialAndSaysWhenItOpens() {
		JsonNode billing = choice("billing");
		assertThat(billing.get("open").asBoolean()).isFalse();
		assertThat(billing.get("closedReason").asString()).isEqualTo("closed");
		assertThat(billing.get("displayName").asString()).isEqualTo("Billing");
		java.time.Instant opensAt = java.time.Instant.parse(billing.get("opensAt").asString());
		assertThat(opensAt.atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(BILLING_DAY);
		this.api.goOnline("alice");

		Reply refused = this.api.dialInto("billing", "after hours");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("urn:callcenter:problem:queue-closed");
		assertThat(java.time.Instant.parse(refused.text("opensAt"))).isEqualTo(opensAt);
		assertThat(this.api.snapshot().body().get("liveCalls")).as("nothing stored").isEmpty();
	}

	@Test
	void aCallerWaitingPastItsQueuesOverflowTimeGoesToThePrimariesOfTheOverflowQueue() {
		this.api.goOnline("gus");

		Reply waiting = this.api.dialInto("returns", "nobody serves returns");

		assertThat(waiting.state()).as("gus serves vip, not returns").isEqualTo("WAITING");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.api.status(waiting.callId()).agentId()).isEqualTo("gus"));
		JsonNode read = this.api.status(waiting.callId()).call();
		assertThat(read.get("queue").asString()).as("still a returns call").isEqualTo("returns");
		assertThat(java.time.Instant.parse(read.get("stateSince").asString()).toEpochMilli()
				- java.time.Instant.parse(read.get("joinedAt").asString()).toEpochMilli())
			.as("given to vip's agent after the 2 s overflow time")
			.isGreaterThanOrEqualTo(2_000);
	}

	@Test
	void anOverflowedCallerKeepsItsArrivalAmongTheOverflowQueuesCallers() {
		this.api.goOnline("gus");
		Reply busy = this.api.dialInto("vip", "keeps gus busy");
		Reply overflowing = this.api.dialInto("returns", "arrived first");
		Reply later = this.api.dialInto("vip", "arrived second, in vip itself");
		assertThat(later.state()).isEqualTo("WAITING");
		await().pollDelay(Duration.ofMillis(2_200))
			.atMost(Duration.ofSeconds(5))
			.until(() -> "WAITING".equals(this.api.status(overflowing.callId()).state()));

		this.api.end("gus", busy.callId());

		assertThat(this.api.status(overflowing.callId()).agentId()).isEqualTo("gus");
		assertThat(this.api.status(later.callId()).position()).isEqualTo(1);
	}

	@Test
	void aWaitingCallerCountsOnlyTheAgentsServingItsQueue() {
		this.api.goOnline("dave");
		this.api.goOnline("gus");
		this.api.dialInto("vip", "keeps gus busy");
		Reply waiting = this.api.dialInto("vip", "waits for gus");

		JsonNode read = this.api.status(waiting.callId()).body();
		assertThat(read.get("agentsOnline").asInt()).as("gus; dave serves sales alone").isEqualTo(1);
		assertThat(read.get("agentsServing").asInt()).isEqualTo(1);

		this.api.goAway("gus", "break", false);

		read = this.api.status(waiting.callId()).body();
		assertThat(read.get("agentsOnline").asInt()).as("away, still signed in").isEqualTo(1);
		assertThat(read.get("agentsServing").asInt()).as("nobody serving vip is available").isZero();
	}

	@Test
	void anUnknownQueueIsABadRequest() {
		Reply refused = this.api.dialInto("salse", "typo");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.problemType()).isEqualTo("urn:callcenter:problem:unknown-queue");
	}

	@Test
	void theQueuesAreOfferedInTheirConfiguredOrder() {
		List<String> ids = new java.util.ArrayList<>();
		this.api.queues().body().get("queues").forEach((queue) -> ids.add(queue.get("id").asString()));

		assertThat(ids).containsExactly("sales", "vip", "support", "billing", "returns");
		assertThat(choice("sales").get("acceptsCalls").asBoolean()).isTrue();
	}

	@Test
	void eventsAndQueueMovesSayWhichQueueTheyBelongTo() {
		this.api.goOnline("gus");
		this.api.dialInto("vip", "taken");
		Reply first = this.api.dialInto("vip", "first waiting");
		Reply second = this.api.dialInto("vip", "second waiting");
		assertThat(second.position()).isEqualTo(2);

		this.api.leave(first.callId());

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			CallEvent left = CALL_EVENTS
				.values((event) -> event.callId().equals(first.callId()) && event.type() == CallEventType.ENDED)
				.get(0);
			assertThat(left.queue()).isEqualTo("vip");
			assertThat(left.queueMove()).isNotNull();
			assertThat(left.queueMove().queue()).isEqualTo("vip");
			assertThat(left.queueMove().version())
				.isEqualTo(this.api.status(second.callId()).body().get("queueVersion").asLong());
		});
		JsonNode gus = agent("gus");
		assertThat(gus.get("skills").get("vip").asInt()).isEqualTo(1);
		assertThat(gus.get("skills").get("sales").asInt()).isEqualTo(1);
	}

	private JsonNode choice(String id) {
		for (JsonNode queue : this.api.queues().body().get("queues")) {
			if (queue.get("id").asString().equals(id)) {
				return queue;
			}
		}
		throw new AssertionError("no queue " + id);
	}

	private JsonNode agent(String id) {
		for (JsonNode agent : this.api.snapshot().body().get("agents")) {
			if (agent.get("id").asString().equals(id)) {
				return agent;
			}
		}
		throw new AssertionError("no agent " + id);
	}

}
