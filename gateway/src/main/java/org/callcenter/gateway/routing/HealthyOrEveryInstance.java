package org.callcenter.gateway.routing;

import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * The instances the load balancer chooses among: those that passed their last health
 * check, or, while none did, every configured one. The health check runs every couple of
 * seconds, so an instance that comes back would otherwise get no request until the next
 * one: every request in between would be answered 503 although the service is up (an
 * agent's accept after a restart needed a second click). Trying every instance costs
 * little while they are all down: a refused connection fails at once and is retried on
 * another instance ({@code Routes}), and then answered as unavailable
 * ({@code UnavailableUpstream}), as before.
 */
class HealthyOrEveryInstance extends DelegatingServiceInstanceListSupplier {

	private final ServiceInstanceListSupplier everyInstance;

	HealthyOrEveryInstance(HealthCheckServiceInstanceListSupplier healthy) {
		super(healthy);
		this.everyInstance = healthy.getDelegate();
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return Flux.combineLatest(this.delegate.get(), this.everyInstance.get(),
				(healthy, every) -> healthy.isEmpty() ? every : healthy);
	}

}
