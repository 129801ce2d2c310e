package org.callcenter.emulator.sessions;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.callcenter.emulator.auth.ClientTokens.ClientToken;
import org.callcenter.emulator.callbacks.SessionMonitor;
import org.callcenter.emulator.system.EmulatorProperties;
import org.callcenter.emulator.system.EmulatorProperties.CallbackMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** What browsers in one session see of each other, as OpenTok.js would show it. */
class SessionsTest {

	private final SessionMonitor monitor = mock(SessionMonitor.class);

	private final Sessions sessions = new Sessions(this.monitor,
			new EmulatorProperties(12345678, "emulator-secret-0123456789abcdef01234567", null, null,
					Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10), CallbackMode.NORMAL,
					Duration.ZERO),
			Clock.systemUTC());

	private final String session = this.sessions.create();

	@Test
	void aBrowserThatJoinsSeesWhoIsThereAndWhatTheyPublishAndTheyHearOfIt() {
		Browser agent = join("agent");
		this.sessions.publish(this.session, agent.id, "r-1", "Alice", true, true, null);
		Browser caller = new Browser();

		Map<String, Object> connected = this.sessions.join(token("caller"), caller.inbox::add, () -> {
		});

		assertThat(connected).containsEntry("type", "connected");
		assertThat((List<?>) connected.get("connections")).hasSize(1);
		assertThat((List<?>) connected.get("streams")).singleElement()
			.satisfies((stream) -> assertThat(map(stream)).containsEntry("name", "Alice")
				.containsEntry("videoType", "camera"));
		assertThat(agent.types()).containsExactly("published", "connectionCreated");
	}

	@Test
	void thePublisherKnowsItsStreamBeforeOthersHearOfIt() {
		Browser agent = join("agent");
		Browser caller = join("caller");

		this.sessions.publish(this.session, caller.id, "r-7", "Ann", true, false, null);

		assertThat(caller.inbox).singleElement().satisfies((published) -> {
			assertThat(published).containsEntry("type", "published").containsEntry("requestId", "r-7");
			assertThat(map(published.get("stream"))).containsEntry("videoType", null);
		});
		assertThat(agent.types()).containsExactly("connectionCreated", "streamCreated");
	}

	@Test
	void aBrowserThatLeavesTakesItsStreamsAlongAndTheLastOneEndsTheSession() {
		Browser agent = join("agent");
		Browser caller = join("caller");
		this.sessions.publish(this.session, caller.id, "r-1", "Ann", true, true, "camera");

		this.sessions.leave(this.session, caller.id, "clientDisconnected");
		this.sessions.leave(this.session, agent.id, "clientDisconnected");

		assertThat(agent.types()).containsExactly("connectionCreated", "streamCreated", "streamDestroyed",
				"connectionDestroyed");
		var callbacks = inOrder(this.monitor);
		callbacks.verify(this.monitor).sessionEvent(eq(this.session), eq("sessionCreated"), anyMap());
		callbacks.verify(this.monitor).sessionEvent(eq(this.session), eq("streamDestroyed"), anyMap());
		callbacks.verify(this.monitor).sessionEvent(eq(this.session), eq("sessionDestroyed"), anyMap());
	}

	@Test
	void aSignalGoesToEveryoneOrToOneConnection() {
		Browser agent = join("agent");
		Browser caller = join("caller");
		agent.inbox.clear();

		assertThat(this.sessions.signal(this.session, null, "hold", "alice", null)).isTrue();
		assertThat(this.sessions.signal(this.session, caller.id, "agentConnected", "alice", agent.id)).isTrue();

		assertThat(agent.types()).containsExactly("signal");
		assertThat(caller.inbox).extracting((message) -> message.get("signalType"))
			.containsExactly("hold", "agentConnected");
		assertThat(map(caller.inbox.get(1).get("from"))).containsEntry("connectionId", agent.id);
	}

	@Test
	void aSignalToAConnectionNotInTheSessionIsRefused() {
		join("agent");

		assertThat(this.sessions.signal(this.session, "gone", "hold", "", null)).isFalse();
		assertThat(this.sessions.signal(this.sessions.create(), "gone", "hold", "", null)).isFalse();
	}

	@Test
	void aForcedDisconnectTellsTheBrowserAndHangsUp() {
		Browser caller = join("caller");
		Browser agent = join("agent");

		assertThat(this.sessions.forceDisconnect(this.session, caller.id)).isTrue();

		assertThat(caller.types()).last().isEqualTo("sessionDisconnected");
		assertThat(caller.hungUp).isTrue();
		assertThat(agent.types()).last().isEqualTo("connectionDestroyed");
		assertThat(this.sessions.forceDisconnect(this.session, caller.id)).as("already gone").isFalse();
		verify(this.monitor).sessionEvent(eq(this.session), eq("connectionDestroyed"), anyMap());
	}

	@Test
	void negotiationIsRelayedOnlyBetweenBrowsersOfTheSession() {
		Browser agent = join("agent");
		Browser caller = join("caller");
		agent.inbox.clear();

		assertThat(this.sessions.relay(this.session, caller.id, agent.id, Map.of("sdp", "offer", "to", agent.id)))
			.isTrue();
		assertThat(this.sessions.relay(this.session, "stranger", agent.id, Map.of("sdp", "offer"))).isFalse();

		assertThat(agent.inbox).singleElement()
			.satisfies((rtc) -> assertThat(rtc).containsEntry("type", "rtc")
				.containsEntry("from", caller.id)
				.containsEntry("sdp", "offer")
				.doesNotContainKey("to"));
	}

	private Browser join(String who) {
		Browser browser = new Browser();
		Map<String, Object> connected = this.sessions.join(token(who), browser.inbox::add,
				() -> browser.hungUp.set(true));
		browser.id = (String) ((Map<?, ?>) connected.get("connection")).get("connectionId");
		return browser;
	}

	private ClientToken token(String who) {
		return new ClientToken(this.session, "publisher", "{\"userId\":\"" + who + "\"}", Long.MAX_VALUE);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object message) {
		return (Map<String, Object>) message;
	}

	/** One browser's connection: what it was sent. */
	private static final class Browser {

		final List<Map<String, Object>> inbox = new ArrayList<>();

		final AtomicBoolean hungUp = new AtomicBoolean();

		String id;

		List<Object> types() {
			return this.inbox.stream().map((message) -> message.get("type")).toList();
		}

	}

}
