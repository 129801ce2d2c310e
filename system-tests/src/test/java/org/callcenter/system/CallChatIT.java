package org.callcenter.system;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Chat in the call, as the caller and the agent see it: messages both ways, in the same
 * order on both pages, still there after a reload of either; a message typed while on
 * hold reaches the agent when it resumes the call. A pushed message does not make the
 * caller's page read its call again (it changes nothing of the call). Every test leaves
 * its agent signed out.
 */
class CallChatIT {

	private final String gateway = RunningSuite.get().gatewayUrl();

	@BeforeEach
	void emptyCallCenter() {
		QuietQueue.await();
	}

	@Test
	void callerAndAgentChatBothWaysInOrderAndTheTranscriptSurvivesAReloadOfEitherPage() {
		try (AgentConsole alice = new AgentConsole(this.gateway).signIn("alice", "demo");
				CallerPage ann = new CallerPage(this.gateway).countingReads()) {
			alice.awaitState("Available");
			ann.dial("Ann", "an order that never came", false);
			alice.awaitCaller("Ann");
			alice.accept("Ann");
			ann.awaitOnCallWithAgentVideo();
			alice.awaitCallerVideo();
			assertThat(ann.chatMessages()).isEmpty();

			ann.sendChat("My order number is 4711-B");
			alice.awaitChatMessages(List.of("Ann: My order number is 4711-B"));
			await().atMost(CallerPage.PATIENCE)
				.until(() -> alice.chatAnnouncement().equals("Ann: My order number is 4711-B"));

			long readsBefore = ann.callReads();
			alice.sendChat("Thanks, I found order 4711-B");
			List<String> both = List.of("Ann: My order number is 4711-B", "Alice: Thanks, I found order 4711-B");
			ann.awaitChatMessages(both);
			alice.awaitChatMessages(both);
			await().atMost(CallerPage.PATIENCE)
				.until(() -> ann.chatAnnouncement().equals("Alice: Thanks, I found order 4711-B"));
			assertThat(ann.callReads()).as("a chat message is no change of the call to read").isEqualTo(readsBefore);
			ann.screenshot("caller-chat");
			alice.screenshot("agent-chat");
			assertThat(alice.callPartsOutOfView())
				.as("the video, the call's buttons and the chat show without scrolling at " + alice.windowSize())
				.isEmpty();

			ann.reload();
			ann.awaitChatMessages(both);
			alice.reload();
			// the console's reload drops its video connection, which puts the call on
			// hold
			// (session-event.lua): resumed, the chat is read again
			alice.awaitBadge("Ann", "On hold");
			alice.awaitStageCaption("Ann is on hold: press Resume to go on talking.");
			alice.resume("Ann");
			alice.awaitChatMessages(both);

			ann.sendChat("Great, thank you");
			List<String> all = List.of("Ann: My order number is 4711-B", "Alice: Thanks, I found order 4711-B",
					"Ann: Great, thank you");
			alice.awaitChatMessages(all);
			ann.awaitChatMessages(all);
			ann.screenshot("caller-chat-after-reload");
			alice.screenshot("agent-chat-after-reload");
			assertThat(alice.callPartsOutOfView()).as("still all in view with more messages").isEmpty();

			alice.end("Ann");
			ann.awaitEnded();
			alice.signOut();
		}
	}

	@Test
	void aMessageTypedOnHoldReachesTheAgentWhenItResumesTheCall() {
		try (AgentConsole bob = new AgentConsole(this.gateway).signIn("bob", "demo");
				CallerPage ben = new CallerPage(this.gateway)) {
			bob.awaitState("Available");
			ben.dial("Ben", "a broken order", false);
			bob.awaitCaller("Ben");
			bob.accept("Ben");
			ben.awaitOnCallWithAgentVideo();
			bob.sendChat("Let me check that");

			bob.hold("Ben");
			ben.awaitOnHold();
			await().atMost(CallerPage.PATIENCE).until(() -> !bob.showsChat());
			ben.sendChat("The parcel number is 99-17");
			List<String> both = List.of("Bob: Let me check that", "Ben: The parcel number is 99-17");
			ben.awaitChatMessages(both);
			ben.screenshot("caller-chat-on-hold");

			bob.resume("Ben");
			bob.awaitChatMessages(both);

			bob.end("Ben");
			ben.awaitEnded();
			bob.signOut();
		}
	}

}
