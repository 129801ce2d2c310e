package org.callcenter.gateway.routing;

import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway's own requests to queue-service (heartbeats of open consoles, open caller
 * pages, sign-outs), spread over its instances by the same load balancer as the routes.
 */
@Configuration(proxyBeanMethods = false)
class QueueServiceClient {

	@Bean
	WebClient queueService(WebClient.Builder http, LoadBalancedExchangeFilterFunction loadBalancer) {
		return http.clone().filter(loadBalancer).baseUrl("http://" + ConfiguredInstances.QUEUE_SERVICE).build();
	}

}
