package org.callcenter.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.callcenter.testsupport.VonageSignatures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running suite's emulated OpenTok project, made to act like a misconfigured real
 * one: its session-monitoring callbacks switched off, sent to a wrong URL or signed with
 * another secret.
 */
final class EmulatedProject {

	private EmulatedProject() {
	}

	/** {@code NORMAL}, {@code OFF}, {@code WRONG_URL} or {@code WRONG_SECRET}. */
	static void callbacks(String mode) {
		try {
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create(RunningSuite.get().url("opentok-emulator") + "/emulator/callbacks"))
					.header("Content-Type", "application/json")
					.header("X-OPENTOK-AUTH",
							VonageSignatures.projectToken(RunningSuite.OPENTOK.apiKey(),
									RunningSuite.OPENTOK.apiSecret()))
					.PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\",\"delay\":\"PT0S\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A service's {@code /actuator/health} body. */
	static String health(String service) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(RunningSuite.get().url(service) + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
