package org.callcenter.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing passwords at the gateway's sign-in: a name that failed too often is locked out
 * for a while, whatever password comes next, and the page says so; other agents still
 * sign in.
 */
class SignInThrottleIT {

	private final String gateway = RunningSuite.get().gatewayUrl();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aNameThatFailedFiveTimesIsLockedOutAndTheSignInPageSaysSo() throws Exception {
		String name = "mallory-" + System.nanoTime();
		for (int attempt = 1; attempt <= 5; attempt++) {
			// the last guess is longer than bcrypt takes: still just a wrong password
			String guess = (attempt == 5) ? "x".repeat(100) : "guess-" + attempt;
			assertThat(signIn(name, guess).headers().firstValue("Location")).as("attempt " + attempt)
				.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?error"));
		}

		HttpResponse<String> locked = signIn(name, "any password at all");
		assertThat(locked.statusCode()).isEqualTo(303);
		assertThat(locked.headers().firstValue("Location")).hasValue("/login?throttled");
		assertThat(locked.headers().firstValue("Retry-After")).isPresent();
		assertThat(this.http
			.send(HttpRequest.newBuilder(URI.create(this.gateway + "/login?throttled")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body()).contains("Too many failed sign-ins");

		HttpResponse<String> alice = signIn("alice", "demo");
		assertThat(alice.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/agent.html"));
	}

	private HttpResponse<String> signIn(String user, String password) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.gateway + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password.replace(' ', '+')))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
