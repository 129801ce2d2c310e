package org.callcenter.gateway.push;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.gateway.GatewayTestBase;
import org.callcenter.gateway.push.SupervisorFeed.FigureChange;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisors' dashboard and its stream: for supervisors only (an agent gets 403 as
 * problem details, nobody signed in 401 for the stream and the sign-in page for the
 * page); a supervisor's stream starts with the latest figures and carries each change and
 * a notice when the line of waiting callers may have changed.
 */
class SupervisorEventsIT extends GatewayTestBase {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = //
			new ParameterizedTypeReference<>() {
			};

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	SupervisorFeed feed;

	@Test
	void anAgentWhoDoesNotSuperviseGets403ForTheDashboardAndItsStream() {
		String alice = signIn("alice");

		this.http.get()
			.uri("/api/supervisor/events")
			.cookie("SESSION", alice)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:callcenter:problem:forbidden");
		this.http.get()
			.uri("/supervisor.html")
			.cookie("SESSION", alice)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("This is for supervisors.");
	}

	@Test
	void signedOutTheStreamIs401AndTheDashboardLeadsToSignIn() {
		this.http.get()
			.uri("/api/supervisor/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.http.get()
			.uri("/supervisor.html")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.valueEquals("Location", "/login");
	}

	@Test
	void aSupervisorGetsTheDashboardAndItsScripts() {
		String carol = signIn("carol");

		this.http.get()
			.uri("/supervisor.html")
			.cookie("SESSION", carol)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("/vendor/uplot/uPlot.iife.min.js"));
		for (String asset : List.of("/js/supervisor.js", "/vendor/uplot/uPlot.iife.min.js",
				"/vendor/uplot/uPlot.min.css")) {
			this.http.get().uri(asset).exchange().expectStatus().isOk();
		}
		// only what the page uses of the chart library is served, not its whole package
		this.http.get().uri("/vendor/uplot/uPlot.esm.js").exchange().expectStatus().isNotFound();
	}

	@Test
	void aSupervisorsStreamStartsWithTheLatestFiguresThenCarriesChangesAndLineNotices() {
		String agent = "agent-" + UUID.randomUUID();
		this.feed.figureChanged(new FigureChange("live", 1, JSON.readTree("{\"waitingNow\":1}")));
		Flux<ServerSentEvent<String>> stream = this.http.get()
			.uri("/api/supervisor/events")
			.cookie("SESSION", signIn("carol"))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENTS)
			.getResponseBody();
		// sent again and again: the stream hears only what happens once it listens
		Disposable happening = Flux.interval(Duration.ofMillis(100)).subscribe((tick) -> {
			this.feed.figureChanged(
					new FigureChange("agent:" + agent, 2 + tick, JSON.readTree("{\"agentId\":\"" + agent + "\"}")));
			this.feed.onCallEvent(EventStreamAccessIT.joinedAtTheEnd(UUID.randomUUID().toString()));
		});
		try {
			Set<String> kinds = new HashSet<>();
			List<ServerSentEvent<String>> heard = stream.filter((event) -> event.event() != null)
				.doOnNext((event) -> kinds.add(event.event()))
				.takeUntil((event) -> kinds.containsAll(List.of("ready", "figures", "waiting"))
						&& String.valueOf(event.data()).contains(agent))
				.collectList()
				.block(Duration.ofSeconds(15));

			assertThat(heard).first().satisfies((ready) -> assertThat(ready.event()).isEqualTo("ready"));
			assertThat(heard).filteredOn((event) -> "figures".equals(event.event()))
				.anySatisfy((event) -> assertThat(event.data()).contains("\"key\":\"live\"")
					.contains("\"offset\":1")
					.contains("\"waitingNow\":1"))
				.anySatisfy((event) -> assertThat(event.data()).contains("\"key\":\"agent:" + agent + "\""));
			assertThat(heard).filteredOn((event) -> "waiting".equals(event.event())).isNotEmpty();
		}
		finally {
			happening.dispose();
		}
	}

}
