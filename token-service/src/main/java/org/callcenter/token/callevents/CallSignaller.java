package org.callcenter.token.callevents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.calls.Topics;
import org.callcenter.token.opentok.InvalidOpenTokRequest;
import org.callcenter.token.opentok.UnknownConnection;
import org.callcenter.token.opentok.VideoPlatform;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Tells the caller's browser what its agent did, with the old demo's signals, so
 * queue-service never waits on OpenTok: {@code agentConnected} when the agent takes the
 * call, {@code hold}, {@code unhold} and {@code agentConnected} again on resume,
 * {@code endCall} when the agent ends it. Events of one call arrive in order on one
 * partition; repeats (the outbox relay may resend) are dropped by sequence number, and a
 * signal sent twice anyway only repeats what the page already shows.
 */
@Component
class CallSignaller {

	private static final Logger log = LoggerFactory.getLogger(CallSignaller.class);

	private static final int REMEMBERED_CALLS = 10_000;

	private final VideoPlatform platform;

	/**
	 * Highest sequence number handled per call, forgetting the least recently seen calls.
	 */
	private final Map<String, Long> handled = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
			return size() > REMEMBERED_CALLS;
		}
	};

	CallSignaller(VideoPlatform platform) {
		this.platform = platform;
	}

	@KafkaListener(id = "call-signaller", idIsGroup = false, topics = Topics.CALL_EVENTS)
	void on(CallEvent event) {
		synchronized (this.handled) {
			Long last = this.handled.get(event.callId());
			if (last != null && last >= event.seq()) {
				return;
			}
		}
		for (String signal : signalsFor(event)) {
			try {
				this.platform.signal(event.sessionId(), null, signal, (event.agentId() != null) ? event.agentId() : "");
				log.info("signalled {} to call {}", signal, event.callId());
			}
			catch (InvalidOpenTokRequest | UnknownConnection refused) {
				// OpenTok will never accept it: retrying would only hold up the other
				// calls' signals
				log.warn("OpenTok refused {} for call {}: {}", signal, event.callId(), refused.getMessage());
			}
		}
		synchronized (this.handled) {
			this.handled.merge(event.callId(), event.seq(), Math::max);
		}
	}

	static List<String> signalsFor(CallEvent event) {
		return switch (event.type()) {
			case ACCEPTED -> List.of("agentConnected");
			case RESUMED -> List.of("unhold", "agentConnected");
			case HELD -> List.of("hold");
			case ENDED -> event.reason() == CallEventReason.AGENT_ENDED ? List.of("endCall") : List.of();
			default -> List.of();
		};
	}

}
