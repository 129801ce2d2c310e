package org.callcenter.queue.agent;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.callcenter.contracts.agents.AgentEvent.OfflineReason;
import org.callcenter.contracts.sessions.ConnectionData.UserType;
import org.callcenter.contracts.tokens.SessionToken;
import org.callcenter.queue.QueueProperties;
import org.callcenter.queue.QueueProperties.AgentWorkflow;
import org.callcenter.queue.store.Agent;
import org.callcenter.queue.store.AgentTerms;
import org.callcenter.queue.store.Call;
import org.callcenter.queue.store.CallNotes;
import org.callcenter.queue.store.CallStore;
import org.callcenter.queue.tokens.TokenServiceClient;

import org.springframework.stereotype.Service;

@Service
class AgentService {

	private final CallStore store;

	private final TokenServiceClient tokens;

	private final Timer waitTime;

	private final QueueProperties properties;

	private final AgentWorkflow workflow;

	AgentService(CallStore store, TokenServiceClient tokens, MeterRegistry meters, QueueProperties properties) {
		this.store = store;
		this.tokens = tokens;
		this.properties = properties;
		this.workflow = properties.agentWorkflow();
		this.waitTime = Timer.builder("callcenter.wait.time")
			.description("Time from dialing to being accepted by an agent the first time")
			.register(meters);
	}

	Agent goOnline(String agentId, String displayName) {
		return this.store.goOnline(agentId, displayName, this.properties.termsOf(agentId));
	}

	Agent changeState(String agentId, StateRequest request) {
		return switch (request.state()) {
			case AVAILABLE -> this.store.becomeAvailable(agentId);
			case AWAY -> this.store.goAway(agentId,
					checked("away reason", request.reason(), this.workflow.awayReasons()), request.handsBack());
		};
	}

	AgentWorkflowSettings workflowOf(String agentId) {
		AgentTerms terms = this.properties.termsOf(agentId);
		return new AgentWorkflowSettings(this.workflow.awayReasons(), this.workflow.outcomes(),
				terms.wrapUp().toSeconds(), terms.offerTimeout().toSeconds(), terms.missedOffersBeforeAway());
	}

	Call decline(String agentId, String callId) {
		return this.store.decline(agentId, callId);
	}

	Agent goOffline(String agentId) {
		return this.store.goOffline(agentId, OfflineReason.AGENT_LOGGED_OUT);
	}

	void heartbeat(String agentId) {
		this.store.heartbeat(agentId);
	}

	/**
	 * The agent's callers whose browsers are connected, oldest first, as the old demo
	 * listed them.
	 */
	List<Call> connectedCallers(String agentId) {
		return this.store.agentCalls(agentId).calls().stream().filter(Call::connected).toList();
	}

	AgentCallSession accept(String agentId, String callId) {
		AgentCallSession joined = joinCall(agentId, callId, this.store::accept);
		Call call = joined.call();
		if (call.callStartedAt() != null && joined.firstAccept()) {
			this.waitTime.record(Duration.between(call.joinedAt(), call.callStartedAt()));
		}
		return joined;
	}

	AgentCallSession resume(String agentId, String callId) {
		return joinCall(agentId, callId, this.store::resume);
	}

	Call hold(String agentId, String callId) {
		return this.store.hold(agentId, callId);
	}

	Call end(String agentId, String callId, NotesRequest notes) {
		return this.store.end(agentId, callId, checked(notes));
	}

	List<Colleague> colleaguesOf(String agentId) {
		int cap = this.properties.maxCallersPerAgent();
		return this.store.onlineAgents()
			.stream()
			.filter((agent) -> !agent.id().equals(agentId))
			.map((agent) -> Colleague.of(agent, cap))
			.toList();
	}

	Call transfer(String agentId, String callId, TransferRequest transfer) {
		return this.store.transfer(agentId, callId, transfer.to(), transfer.note());
	}

	Call consult(String agentId, String callId, ConsultRequest consult) {
		return this.store.consult(agentId, callId, consult.to(), consult.note());
	}

	AgentCallSession joinConsult(String agentId, String callId) {
		return joinCall(agentId, callId, this.store::joinConsult);
	}

	Call takeOver(String agentId, String callId) {
		return this.store.takeOver(agentId, callId);
	}

	Call endConsult(String agentId, String callId) {
		return this.store.endConsult(agentId, callId);
	}

	Optional<Call> consultedCall(String agentId) {
		return this.store.consultedCall(agentId);
	}

	Call wrapUp(String agentId, String callId, NotesRequest notes) {
		return this.store.wrapUp(agentId, callId, checked(notes));
	}

	private CallNotes checked(NotesRequest request) {
		CallNotes notes = request.toNotes();
		if (notes.outcome() != null) {
			checked("outcome", notes.outcome(), this.workflow.outcomes());
		}
		return notes;
	}

	private static String checked(String what, String value, List<String> allowed) {
		if (value == null || !allowed.contains(value)) {
			throw new UnknownChoice(what, value, allowed);
		}
		return value;
	}

	/**
	 * The token comes first, so a token-service failure changes nothing; a token made for
	 * a change Redis then refuses is never handed out.
	 */
	private AgentCallSession joinCall(String agentId, String callId, BiFunction<String, String, Call> change) {
		Call call = this.store.find(callId);
		SessionToken token = this.tokens.token(call.sessionId(), agentId, UserType.agent);
		return new AgentCallSession(change.apply(agentId, callId), token, call.callStartedAt() == null);
	}

}
