package org.callcenter.stats.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.callcenter.contracts.agents.AgentState;
import org.callcenter.stats.figures.AgentStatus;
import org.callcenter.stats.figures.CenterFigures;
import org.callcenter.stats.figures.Figures;
import org.callcenter.stats.figures.FiguresUnavailable;
import org.callcenter.stats.figures.StatsStores;
import org.callcenter.stats.figures.WrapUps;

import org.springframework.stereotype.Component;

/**
 * The center's figures for Prometheus ({@code /actuator/prometheus}), read from the
 * stores at each scrape.
 *
 * <p>
 * Counts and summed times are exported as counters over the whole history, not as rates:
 * Prometheus works out service level, abandonment, ASA and AHT over any window from their
 * increases (the provisioned Grafana dashboard does), and a restart of this service does
 * not reset them, as they come back from the changelogs. The queue now (callers waiting,
 * the longest wait) and the agents in each state are gauges.
 *
 * <p>
 * Each instance exports what its own stores hold: the center's figures live on one
 * instance at a time (the others export 0 for them), the agents are spread over the
 * instances by id. Queries take the {@code max} of the center's series and the
 * {@code sum} of the agents'. While the stores are being restored a scrape sees no value
 * (NaN) rather than a false 0.
 */
@Component
class StatsMeters implements MeterBinder {

	private final StatsStores stores;

	private final Clock clock;

	StatsMeters(StatsStores stores, Clock clock) {
		this.stores = stores;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		calls(registry, "offered", "calls that reached the center", Figures::offered);
		calls(registry, "answered", "calls an agent accepted", Figures::answered);
		calls(registry, "answered.in.threshold", "calls accepted within the service-level threshold",
				Figures::answeredInThreshold);
		calls(registry, "abandoned", "calls whose caller gave up before an agent accepted", Figures::abandoned);
		calls(registry, "abandoned.short", "abandoned calls whose caller gave up within the short-abandon time",
				Figures::shortAbandoned);
		calls(registry, "handled", "answered calls that have ended", Figures::handled);
		seconds(registry, "callcenter.stats.answer.time", "summed time from reaching the center to the first accept",
				Figures::answerMillis);
		seconds(registry, "callcenter.stats.handle.time", "summed talk and hold time of the handled calls",
				Figures::handleMillis);
		FunctionCounter.builder("callcenter.stats.wrap.ups", this, (meters) -> meters.wrapUps(WrapUps::count))
			.description("finished wrap-ups of the agents whose figures this instance holds")
			.register(registry);
		FunctionCounter
			.builder("callcenter.stats.wrap.up.time", this, (meters) -> meters.wrapUps(WrapUps::millis) / 1000.0)
			.description("summed time of those wrap-ups (AHT = handle time + wrap-up time over handled calls)")
			.baseUnit("seconds")
			.register(registry);
		Gauge
			.builder("callcenter.stats.waiting", this,
					(meters) -> meters.center((center) -> center.waitingSince().size()))
			.description("callers not yet with an agent")
			.register(registry);
		Gauge.builder("callcenter.stats.longest.wait", this, StatsMeters::longestWaitSeconds)
			.description("how long the longest-waiting caller has waited")
			.baseUnit("seconds")
			.register(registry);
		for (AgentState state : AgentState.values()) {
			Gauge.builder("callcenter.stats.agents", this, (meters) -> meters.agentsIn(state))
				.description("agents in each state")
				.tag("state", state.name())
				.register(registry);
		}
	}

	private void calls(MeterRegistry registry, String name, String description, ToLongFunction<Figures> count) {
		FunctionCounter
			.builder("callcenter.stats.calls." + name, this,
					(meters) -> meters.center((center) -> count.applyAsLong(center.figures())))
			.description(description)
			.register(registry);
	}

	private void seconds(MeterRegistry registry, String name, String description, ToLongFunction<Figures> millis) {
		FunctionCounter
			.builder(name, this, (meters) -> meters.center((center) -> millis.applyAsLong(center.figures()) / 1000.0))
			.description(description)
			.baseUnit("seconds")
			.register(registry);
	}

	private double longestWaitSeconds() {
		Instant now = this.clock.instant();
		return center((center) -> center.waitingSince()
			.values()
			.stream()
			.min(Instant::compareTo)
			.map((since) -> Math.max(0, Duration.between(since, now).toMillis() / 1000.0))
			.orElse(0.0));
	}

	private double agentsIn(AgentState state) {
		try {
			Map<AgentState, Integer> counts = new EnumMap<>(AgentState.class);
			for (AgentStatus status : this.stores.agentStatuses().values()) {
				if (status.state() != null) {
					counts.merge(status.state(), 1, Integer::sum);
				}
			}
			return counts.getOrDefault(state, 0);
		}
		catch (FiguresUnavailable ex) {
			return Double.NaN;
		}
	}

	private double wrapUps(ToLongFunction<WrapUps> sum) {
		try {
			return this.stores.agentWrapUps().values().stream().mapToLong(sum).sum();
		}
		catch (FiguresUnavailable ex) {
			return Double.NaN;
		}
	}

	private double center(ToDoubleFunction<CenterFigures> figure) {
		try {
			return figure.applyAsDouble(this.stores.center());
		}
		catch (FiguresUnavailable ex) {
			return Double.NaN;
		}
	}

}
