package org.callcenter.gateway.routing;

import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The load balancer's choice of instances for each service: the configured ones
 * ({@link ConfiguredInstances}) that pass their health check
 * ({@code spring.cloud.loadbalancer.health-check}), or every one while none does
 * ({@link HealthyOrEveryInstance}). Registered for every load-balanced service by
 * {@link LoadBalancing}, in each service's own load-balancer context: not a
 * {@code @Configuration}, so component scanning leaves it out of the application's.
 */
class InstanceChoice {

	@Bean
	ServiceInstanceListSupplier healthyOrEveryInstance(ConfigurableApplicationContext context) {
		return ServiceInstanceListSupplier.builder()
			.withDiscoveryClient()
			.withHealthChecks()
			.with((ignored, healthy) -> new HealthyOrEveryInstance((HealthCheckServiceInstanceListSupplier) healthy))
			.build(context);
	}

}
