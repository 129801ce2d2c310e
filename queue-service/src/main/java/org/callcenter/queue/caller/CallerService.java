package org.callcenter.queue.caller;

import java.time.Clock;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.sessions.ConnectionData.UserType;
import org.callcenter.contracts.tokens.OpenTokSession;
import org.callcenter.contracts.tokens.SessionToken;
import org.callcenter.queue.QueueProperties;
import org.callcenter.queue.store.Call;
import org.callcenter.queue.store.CallStore;
import org.callcenter.queue.store.NewCall;
import org.callcenter.queue.tokens.TokenServiceClient;
import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.stereotype.Service;

@Service
class CallerService {

	private static final Logger log = LoggerFactory.getLogger(CallerService.class);

	private final CallStore store;

	private final TokenServiceClient tokens;

	private final QueueProperties properties;

	private final Clock clock;

	private final Timer assignment;

	private final SignedCredentials credentials;

	CallerService(CallStore store, TokenServiceClient tokens, QueueProperties properties, Clock clock,
			MeterRegistry meters, SignedCredentials credentials) {
		this.credentials = credentials;
		this.store = store;
		this.tokens = tokens;
		this.properties = properties;
		this.clock = clock;
		this.assignment = Timer.builder("callcenter.assignment.latency")
			.description("Time to store a new call and assign it to an agent or the queue")
			.register(meters);
	}

	/**
	 * The OpenTok session and token come first: if token-service fails, Redis is left
	 * untouched. A session created for a dial that then fails in Redis is simply never
	 * used.
	 */
	DialResponse dial(DialRequest request) {
		String callId = UUID.randomUUID().toString();
		OpenTokSession session = this.tokens.createSession();
		SessionToken token = this.tokens.token(session.sessionId(), callId, UserType.caller);
		NewCall call = new NewCall(callId, request.name(), (request.reason() != null) ? request.reason() : "",
				request.mode(), session.sessionId(), this.clock.instant().plus(this.properties.connectTimeout()));
		Call stored = this.assignment.record(() -> this.store.dial(call));
		// one line per dial, ids only: its trace id ties it to the gateway's and
		// token-service's lines
		log.info("call {} dialed: {}", callId, stored.state());
		return new DialResponse(stored, token,
				this.credentials.issue(Purpose.CALLER, callId, this.properties.callerCredentialValidity()));
	}

	Call status(String callId) {
		return this.store.find(callId);
	}

	Call confirmConnection(String callId, String connectionId) {
		return this.store.confirmConnection(callId, connectionId);
	}

	Call leave(String callId) {
		return this.store.leave(callId, CallEventReason.CALLER_LEFT);
	}

}
