package org.callcenter.system;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml brings the suite up with the official Kafka and Redis images and an
 * image per service; a caller can dial through the gateway. Needs a Docker engine:
 * without one (as on the project's CI machines) JUnit reports it skipped with that
 * reason.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeSmokeIT {

	@Container
	static final ComposeContainer SUITE = new ComposeContainer(new File("../docker-compose.yml")).withBuild(true)
		.withExposedService("gateway", 8080, Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(10)));

	@Test
	void theComposedSuiteTakesADialThroughTheGateway() throws Exception {
		String gateway = "http://" + SUITE.getServiceHost("gateway", 8080) + ":"
				+ SUITE.getServicePort("gateway", 8080);

		HttpResponse<String> dial = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(gateway + "/api/calls"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"name\":\"Compose\",\"reason\":\"smoke\",\"mode\":\"audioOnly\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(dial.statusCode()).isEqualTo(201);
	}

}
