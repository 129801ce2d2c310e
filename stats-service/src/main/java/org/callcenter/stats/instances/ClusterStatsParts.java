package org.callcenter.stats.instances;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.stats.figures.AgentQuarter;
import org.callcenter.stats.figures.AgentQuarterTopology;
import org.callcenter.stats.figures.CenterFigures;
import org.callcenter.stats.figures.FiguresUnavailable;
import org.callcenter.stats.figures.StatsParts;
import org.callcenter.stats.figures.StatsTopology;
import org.callcenter.stats.figures.WrapUpTopology;
import org.callcenter.trust.SignedCredentials;

import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The parts of every instance that shares the stores: the center's from the instance
 * whose store holds the key {@code center} ({@code queryMetadataForKey}), the quarter
 * hours, agents and agents' quarter hours gathered from every instance that holds a
 * partition of their stores ({@code metadataForAllStreamsClients}) and added up. Each key
 * lives on one instance (its partition's active task; stale and standby copies are not
 * read), so the sums count everything once. This instance's parts are read directly; the
 * others' over HTTP ({@link PartsController}), with the signed identity this request came
 * with. An instance that does not answer makes the whole answer 503: a partial figure
 * would look complete.
 */
@Primary
@Component
class ClusterStatsParts implements StatsParts {

	private static final Logger log = LoggerFactory.getLogger(ClusterStatsParts.class);

	private static final Set<String> QUARTER_STORES = Set.of(StatsTopology.INTERVALS_STORE,
			WrapUpTopology.INTERVAL_WRAP_UPS_STORE);

	private static final Set<String> AGENT_STORES = Set.of(StatsTopology.AGENT_STATUS_STORE,
			StatsTopology.AGENT_FIGURES_STORE, WrapUpTopology.AGENT_WRAP_UPS_STORE);

	private final Instances instances;

	private final RestClient http;

	ClusterStatsParts(Instances instances) {
		this.instances = instances;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
		requests.setReadTimeout(Duration.ofSeconds(3));
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	@Override
	public CenterFigures center() {
		HostInfo holder = this.instances.holderOf(StatsTopology.CENTER_STORE, StatsTopology.CENTER_KEY);
		if (this.instances.isSelf(holder)) {
			return this.instances.local().center();
		}
		CenterFigures center = ask(holder, "/api/stats/parts/center", new ParameterizedTypeReference<>() {
		});
		return (center != null) ? center : CenterFigures.none();
	}

	@Override
	public Map<Instant, QuarterPart> quarters(Instant from, Instant to) {
		Map<Instant, QuarterPart> quarters = new TreeMap<>();
		for (StreamsMetadata instance : holdersOf(QUARTER_STORES)) {
			if (this.instances.isSelf(instance.hostInfo())) {
				this.instances.local()
					.quarters(from, to)
					.forEach((start, part) -> quarters.merge(start, part, QuarterPart::plus));
			}
			else {
				List<QuarterAt> remote = ask(instance.hostInfo(),
						"/api/stats/parts/quarters?from=" + from + "&to=" + to, new ParameterizedTypeReference<>() {
						});
				if (remote != null) {
					remote.forEach((quarter) -> quarters.merge(quarter.start(), quarter.part(), QuarterPart::plus));
				}
			}
		}
		return quarters;
	}

	@Override
	public Map<String, AgentPart> agents() {
		Map<String, AgentPart> agents = new TreeMap<>();
		for (StreamsMetadata instance : holdersOf(AGENT_STORES)) {
			Map<String, AgentPart> parts = this.instances.isSelf(instance.hostInfo()) ? this.instances.local().agents()
					: ask(instance.hostInfo(), "/api/stats/parts/agents", new ParameterizedTypeReference<>() {
					});
			if (parts != null) {
				parts.forEach((agentId, part) -> agents.merge(agentId, part, AgentPart::plus));
			}
		}
		return agents;
	}

	@Override
	public Map<String, Map<Instant, AgentQuarter>> agentQuarters(Instant from, Instant to) {
		Map<String, Map<Instant, AgentQuarter>> agents = new TreeMap<>();
		for (StreamsMetadata instance : holdersOf(Set.of(AgentQuarterTopology.STORE))) {
			List<AgentQuarterAt> parts = this.instances.isSelf(instance.hostInfo())
					? AgentQuarterAt.list(this.instances.local().agentQuarters(from, to))
					: ask(instance.hostInfo(), "/api/stats/parts/agent-quarters?from=" + from + "&to=" + to,
							new ParameterizedTypeReference<>() {
							});
			if (parts != null) {
				parts.forEach((part) -> part.addTo(agents));
			}
		}
		return agents;
	}

	private List<StreamsMetadata> holdersOf(Set<String> stores) {
		return this.instances.all()
			.stream()
			.filter((instance) -> instance.stateStoreNames().stream().anyMatch(stores::contains))
			.toList();
	}

	private <T> T ask(HostInfo instance, String path, ParameterizedTypeReference<T> type) {
		try {
			return this.http.get()
				.uri("http://" + instance.host() + ":" + instance.port() + path)
				.headers((headers) -> {
					String identity = identity();
					if (identity != null) {
						headers.set(SignedCredentials.AGENT_HEADER, identity);
					}
					headers.set(LocalOnly.HEADER, "true");
				})
				.retrieve()
				.body(type);
		}
		catch (RestClientException ex) {
			log.info("instance {} did not answer {}: {}", instance, path, ex.toString());
			throw new FiguresUnavailable("of " + instance, ex);
		}
	}

	/** The signed identity of the request being answered, passed on as it came. */
	private static String identity() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getHeader(SignedCredentials.AGENT_HEADER);
		}
		return null;
	}

}
