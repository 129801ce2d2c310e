package org.callcenter.system;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sign-out, however it comes, stops routing callers to the agent and ends its live
 * stream.
 */
class SignOutIT {

	private final String gateway = RunningSuite.get().gatewayUrl();

	@BeforeEach
	void emptyCallCenter() {
		QuietQueue.await();
	}

	@Test
	void postingLogoutAloneTakesTheAgentOfflineAndEndsItsEventStream() throws Exception {
		SignedInAgent bob = SignedInAgent.signIn(this.gateway, "bob", "demo");
		CompletableFuture<Void> stream = bob.openEvents();
		await().atMost(Duration.ofSeconds(10)).until(() -> ServerState.agentOnline("bob"));

		assertThat(bob.logOutOnly()).isEqualTo(302);

		await().atMost(Duration.ofSeconds(10)).until(() -> !ServerState.agentOnline("bob"));
		// the stream notices its session is gone at its next heartbeat (10 s here)
		await().atMost(Duration.ofSeconds(40)).until(stream::isDone);
		assertThat(ServerState.agentOnline("bob")).isFalse();
	}

}
