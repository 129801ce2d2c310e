package org.callcenter.queue.caller;

import java.time.Clock;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.sessions.ConnectionData.UserType;
import org.callcenter.contracts.tokens.SessionToken;
import org.callcenter.queue.QueueProperties;
import org.callcenter.queue.routing.CallQueue;
import org.callcenter.queue.routing.QueueCatalog;
import org.callcenter.queue.sessionpool.PooledSession;
import org.callcenter.queue.sessionpool.SessionPool;
import org.callcenter.queue.store.Call;
import org.callcenter.queue.store.CallStore;
import org.callcenter.queue.store.NewCall;
import org.callcenter.queue.system.Ids;
import org.callcenter.queue.tokens.TokenServiceClient;
import org.callcenter.trust.SignedCredentials;
import org.callcenter.trust.SignedCredentials.Purpose;

import org.springframework.stereotype.Service;

@Service
class CallerService {

	private static final Logger log = LoggerFactory.getLogger(CallerService.class);

	private final CallStore store;

	private final TokenServiceClient tokens;

	private final SessionPool pool;

	private final QueueProperties properties;

	private final Clock clock;

	private final Timer assignment;

	private final SignedCredentials credentials;

	private final QueueCatalog queues;

	CallerService(CallStore store, TokenServiceClient tokens, SessionPool pool, QueueProperties properties, Clock clock,
			MeterRegistry meters, SignedCredentials credentials, QueueCatalog queues) {
		this.pool = pool;
		this.queues = queues;
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
	 * The OpenTok session and the caller's token come first: a call is stored only with
	 * them. They come from the session pool, made ahead with the call id this dial then
	 * uses, so the dial calls nobody (this dial owns the entry: no other can have taken
	 * it); a dial refused or failing after that gives the entry back, unless its call was
	 * stored after all (see {@link SessionPool#putBack}). With the pool empty (or off),
	 * token-service creates the session and the token now, and if it fails, no call is
	 * stored.
	 */
	DialResponse dial(DialRequest request) {
		CallQueue queue = this.queues.openForDial(request.queue(), this.clock.instant());
		Optional<PooledSession> pooled = this.pool.take();
		if (pooled.isEmpty()) {
			String callId = Ids.newCallId();
			String sessionId = this.tokens.createSession().sessionId();
			return dial(request, queue, callId, this.tokens.token(sessionId, callId, UserType.caller));
		}
		PooledSession entry = pooled.get();
		try {
			return dial(request, queue, entry.callId(), entry.callerToken());
		}
		catch (RuntimeException ex) {
			this.pool.putBack(entry);
			throw ex;
		}
	}

	private DialResponse dial(DialRequest request, CallQueue queue, String callId, SessionToken token) {
		NewCall call = new NewCall(callId, request.name(), (request.reason() != null) ? request.reason() : "",
				request.mode(), token.sessionId(), this.clock.instant().plus(this.properties.connectTimeout()),
				queue.id());
		Call stored = this.assignment.record(() -> this.store.dial(call));
		// one line per dial, ids only: its trace id ties it to the gateway's lines (and
		// token-service's, when the pool was empty)
		log.info("call {} dialed: {}", callId, stored.state());
		return new DialResponse(stored, token,
				this.credentials.issue(Purpose.CALLER, callId, this.properties.callerCredentialValidity()));
	}

	CallStatus status(String callId) {
		return CallStatus.of(this.store.readForCaller(callId), this.properties.expectedHandleTime());
	}

	Call confirmConnection(String callId, String connectionId) {
		return this.store.confirmConnection(callId, connectionId);
	}

	Call leave(String callId) {
		return this.store.leave(callId, CallEventReason.CALLER_LEFT);
	}

}
