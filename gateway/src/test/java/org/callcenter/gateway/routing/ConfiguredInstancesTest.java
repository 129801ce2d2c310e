package org.callcenter.gateway.routing;

import org.junit.jupiter.api.Test;

import org.callcenter.gateway.system.Settings;

import org.springframework.cloud.client.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ConfiguredInstancesTest {

	@Test
	void everyConfiguredAddressIsAnInstanceOfItsService() {
		ConfiguredInstances instances = new ConfiguredInstances(Settings.gateway("queue-service-urls",
				"http://q1.internal:8082,https://q2.internal", "callback-service-urls", "http://cb.internal"));

		assertThat(instances.getInstances(ConfiguredInstances.QUEUE_SERVICE).collectList().block())
			.extracting(ServiceInstance::getHost, ServiceInstance::getPort, ServiceInstance::isSecure)
			.containsExactly(tuple("q1.internal", 8082, false), tuple("q2.internal", 443, true));
		assertThat(instances.getInstances(ConfiguredInstances.CALLBACK_SERVICE).collectList().block())
			.extracting(ServiceInstance::getHost, ServiceInstance::getPort)
			.containsExactly(tuple("cb.internal", 80));
	}

	@Test
	void instancesOfOneServiceHaveDistinctIdsAndAnUnknownServiceHasNone() {
		ConfiguredInstances instances = new ConfiguredInstances(
				Settings.gateway("queue-service-urls", "http://10.0.0.1:8082,http://10.0.0.2:8082"));

		assertThat(instances.getInstances(ConfiguredInstances.QUEUE_SERVICE)
			.map(ServiceInstance::getInstanceId)
			.collectList()
			.block()).doesNotHaveDuplicates().hasSize(2);
		assertThat(instances.getInstances("token-service").collectList().block()).isEmpty();
		assertThat(instances.getServices().collectList().block()).containsExactlyInAnyOrder(
				ConfiguredInstances.QUEUE_SERVICE, ConfiguredInstances.CALLBACK_SERVICE,
				ConfiguredInstances.STATS_SERVICE);
	}

}
