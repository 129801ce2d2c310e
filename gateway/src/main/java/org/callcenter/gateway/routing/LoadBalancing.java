package org.callcenter.gateway.routing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/** Every load-balanced service's instances are chosen by {@link InstanceChoice}. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstanceChoice.class)
class LoadBalancing {

}
