package org.callcenter.queue.caller;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.callcenter.contracts.calls.CallEventReason;
import org.callcenter.contracts.sessions.ConnectionData.UserType;
import org.callcenter.contracts.tokens.SessionToken;
import org.callcenter.queue.QueueProperties;
import org.callcenter.queue.sessionpool.PooledSession;
import org.callcenter.queue.sessionpool.SessionPool;
import org.callcenter.queue.store.Call;
import org.callcenter.queue.store.CallStore;
import org.callcenter.queue.store.NewCall;
import org.callcenter.queue.tokens.TokenServiceClient;
import org.callcenter.queue.tokens.TokenServiceUnavailable;
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

	CallerService(CallStore store, TokenServiceClient tokens, SessionPool pool, QueueProperties properties, Clock clock,
			MeterRegistry meters, SignedCredentials credentials) {
		this.pool = pool;
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
	 * The OpenTok session and token come first: if token-service fails, no call is
	 * stored. The session comes from the pool (this dial then owns it: no other can have
	 * taken it), or, when the pool is empty, is created now; either way token-service
	 * makes the caller's token, without asking OpenTok. A pooled session whose token
	 * could not be made because token-service failed goes back to the pool (one it
	 * refused, say of another OpenTok project, is dropped, lest every later dial take it
	 * again). Once the dial script has been sent, a session never goes back, even if
	 * Redis failed: the script may have run and the call own it, so at worst one unused
	 * session is lost.
	 */
	DialResponse dial(DialRequest request) {
		String callId = UUID.randomUUID().toString();
		Optional<PooledSession> pooled = this.pool.take();
		String sessionId = pooled.map(PooledSession::sessionId)
			.orElseGet(() -> this.tokens.createSession().sessionId());
		SessionToken token;
		try {
			token = this.tokens.token(sessionId, callId, UserType.caller);
		}
		catch (TokenServiceUnavailable ex) {
			if (!ex.refusedTheRequest()) {
				pooled.ifPresent(this.pool::putBack);
			}
			throw ex;
		}
		NewCall call = new NewCall(callId, request.name(), (request.reason() != null) ? request.reason() : "",
				request.mode(), sessionId, this.clock.instant().plus(this.properties.connectTimeout()));
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
