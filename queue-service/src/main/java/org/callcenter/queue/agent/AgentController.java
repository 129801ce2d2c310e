package org.callcenter.queue.agent;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.callcenter.queue.monitoring.SessionMonitoring;
import org.callcenter.queue.store.Agent;
import org.callcenter.queue.store.Call;
import org.callcenter.queue.system.Ids;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agent console's API. {@code AccessControl} checks that the gateway's signed
 * identity names the agent in the path, so an agent acts only as itself.
 */
@RestController
@RequestMapping("/api/agents/{agentId}")
@Tag(name = "Agents", description = "Go online, away and offline, take, hold, resume and end calls, record outcomes")
class AgentController {

	private final AgentService agents;

	private final SessionMonitoring monitoring;

	AgentController(AgentService agents, SessionMonitoring monitoring) {
		this.agents = agents;
		this.monitoring = monitoring;
	}

	@PutMapping
	@Operation(summary = "Go online and take waiting callers while there is room")
	Agent goOnline(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@Valid @RequestBody OnlineRequest request) {
		return this.agents.goOnline(agentId, request.displayName());
	}

	@DeleteMapping
	@Operation(summary = "Go offline: assigned callers move to other agents or back to the queue")
	Agent goOffline(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId) {
		return this.agents.goOffline(agentId);
	}

	@PutMapping("/state")
	@Operation(
			summary = "Say whether you take new callers: AVAILABLE (also: ready after a wrap-up) or AWAY with a reason",
			description = "Going away keeps your callers unless handBack gives back those not accepted yet.")
	Agent changeState(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@Valid @RequestBody StateRequest request) {
		return this.agents.changeState(agentId, request);
	}

	@GetMapping("/workflow")
	@Operation(summary = "The away reasons and outcomes to choose from, and your wrap-up time")
	AgentWorkflowSettings workflow(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId) {
		return this.agents.workflowOf(agentId);
	}

	@PutMapping("/heartbeat")
	@Operation(summary = "The agent's console is still there (sent by whoever holds its live connection)",
			description = "Answers what the console should show about the call center's health: whether OpenTok's "
					+ "session-monitoring webhooks arrive.")
	ConsoleNotice heartbeat(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId) {
		this.agents.heartbeat(agentId);
		SessionMonitoring.Status monitoring = this.monitoring.status();
		return new ConsoleNotice(monitoring.callbacksArriving(), monitoring.detail());
	}

	@GetMapping("/colleagues")
	@Operation(summary = "The other online agents with their state and load: whom a call can be transferred to")
	List<Colleague> colleagues(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId) {
		return this.agents.colleaguesOf(agentId);
	}

	@GetMapping("/callers")
	@Operation(summary = "The agent's callers connected to their calls, oldest first")
	List<Call> callers(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId) {
		return this.agents.connectedCallers(agentId);
	}

	@PostMapping("/callers/{callId}/accept")
	@Operation(summary = "Take a caller (switching puts the current call on hold) and get a token for its session")
	AgentCallSession accept(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId) {
		return this.agents.accept(agentId, callId);
	}

	@PostMapping("/callers/{callId}/resume")
	@Operation(summary = "Take back a call on hold and get a token for its session")
	AgentCallSession resume(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId) {
		return this.agents.resume(agentId, callId);
	}

	@PostMapping("/callers/{callId}/decline")
	@Operation(summary = "Decline a caller offered to you: it is offered to the next agent, keeping its place")
	Call decline(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId) {
		return this.agents.decline(agentId, callId);
	}

	@PostMapping("/callers/{callId}/hold")
	@Operation(summary = "Put the call in progress on hold; the caller stays connected")
	Call hold(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId) {
		return this.agents.hold(agentId, callId);
	}

	@PostMapping("/callers/{callId}/end")
	@Operation(summary = "End the call, with an outcome and notes if you have them; the caller is told to leave")
	Call end(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId,
			@Valid @RequestBody(required = false) NotesRequest notes) {
		return this.agents.end(agentId, callId, (notes != null) ? notes : NotesRequest.NONE);
	}

	@PostMapping("/callers/{callId}/transfer")
	@Operation(summary = "Transfer your caller to another available agent (at the head of its list, with a note), "
			+ "or without 'to' back to the queue at the caller's place")
	Call transfer(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId, @Valid @RequestBody TransferRequest transfer) {
		return this.agents.transfer(agentId, callId, transfer);
	}

	@PostMapping("/callers/{callId}/consult")
	@Operation(summary = "Warm transfer: ask an available colleague who is on no call to join your call in progress",
			description = "The colleague joins the call's session (POST /consults/{callId}/join) and takes it over "
					+ "(POST /consults/{callId}/take-over), and you leave it; meanwhile it takes no new callers.")
	Call consult(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId, @Valid @RequestBody ConsultRequest consult) {
		return this.agents.consult(agentId, callId, consult);
	}

	@DeleteMapping("/callers/{callId}/consult")
	@Operation(summary = "Cancel the consult of a colleague on your call: the colleague leaves it")
	Call cancelConsult(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId) {
		return this.agents.endConsult(agentId, callId);
	}

	@GetMapping("/consults")
	@Operation(summary = "The colleague's call you are asked to join, if any (204 when none)")
	ResponseEntity<Call> consultedCall(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId) {
		return this.agents.consultedCall(agentId)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/consults/{callId}/join")
	@Operation(summary = "Join the call a colleague asked you to join, and get a token for its session")
	AgentCallSession joinConsult(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId) {
		return this.agents.joinConsult(agentId, callId);
	}

	@PostMapping("/consults/{callId}/take-over")
	@Operation(summary = "Take over the call you joined: it becomes yours and your colleague leaves it")
	Call takeOver(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId) {
		return this.agents.takeOver(agentId, callId);
	}

	@DeleteMapping("/consults/{callId}")
	@Operation(summary = "Decline or leave the call a colleague asked you to join")
	Call leaveConsult(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId) {
		return this.agents.endConsult(agentId, callId);
	}

	@PostMapping("/callers/{callId}/wrap-up")
	@Operation(summary = "Record the outcome and notes of a call you handled that has ended")
	Call wrapUp(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId, @Valid @RequestBody NotesRequest notes) {
		return this.agents.wrapUp(agentId, callId, notes);
	}

}
