package org.callcenter.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.callcenter.gateway.system.GatewayProperties;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;

/**
 * Where the instances of each service are: from configuration
 * ({@code gateway.queue-service-urls}, {@code gateway.callback-service-urls},
 * {@code gateway.stats-service-urls}), for Spring Cloud's load balancer, which routes
 * {@code lb://queue-service} and {@code lb://callback-service} among those that pass
 * their health check. A registry (Consul, Kubernetes) would take this class's place
 * without changing the routes.
 */
@Component
class ConfiguredInstances implements ReactiveDiscoveryClient {

	static final String QUEUE_SERVICE = "queue-service";

	static final String CALLBACK_SERVICE = "callback-service";

	static final String STATS_SERVICE = "stats-service";

	private final Map<String, List<ServiceInstance>> instances;

	ConfiguredInstances(GatewayProperties properties) {
		this.instances = Map.of(QUEUE_SERVICE, instances(QUEUE_SERVICE, properties.queueServiceUrls()),
				CALLBACK_SERVICE, instances(CALLBACK_SERVICE, properties.callbackServiceUrls()), STATS_SERVICE,
				instances(STATS_SERVICE, properties.statsServiceUrls()));
	}

	private static List<ServiceInstance> instances(String service, List<URI> urls) {
		return urls.stream()
			.map((url) -> (ServiceInstance) new DefaultServiceInstance(service + "@" + url.getAuthority(), service,
					url.getHost(), (url.getPort() != -1) ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80),
					"https".equals(url.getScheme())))
			.toList();
	}

	@Override
	public String description() {
		return "the call center's services, from configuration";
	}

	@Override
	public Flux<ServiceInstance> getInstances(String serviceId) {
		return Flux.fromIterable(this.instances.getOrDefault(serviceId, List.of()));
	}

	@Override
	public Flux<String> getServices() {
		return Flux.fromIterable(this.instances.keySet());
	}

}
