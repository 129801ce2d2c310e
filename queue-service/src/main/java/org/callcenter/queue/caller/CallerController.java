package org.callcenter.queue.caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.callcenter.queue.store.Call;
import org.callcenter.queue.system.Ids;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calls")
@Tag(name = "Callers", description = "Dial, follow the call, leave")
class CallerController {

	private final CallerService callers;

	CallerController(CallerService callers) {
		this.callers = callers;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Dial: join the queue and get credentials for the call's OpenTok session")
	DialResponse dial(@Valid @RequestBody DialRequest request) {
		return this.callers.dial(request);
	}

	@GetMapping("/{callId}")
	@Operation(summary = "The call's state, its agent, its queue position while waiting, and the figures to "
			+ "estimate its wait (agents serving, average handle time, callers ahead with its agent)")
	CallStatus status(@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId) {
		return this.callers.status(callId);
	}

	@PostMapping("/{callId}/connection")
	@Operation(summary = "The caller's page confirms its connection to the call's session",
			description = "Counts as the caller being connected, as OpenTok's connectionCreated webhook does, so calls "
					+ "go through when session-monitoring webhooks do not arrive; the same connection told by both "
					+ "counts once. A confirmation for an ended call changes nothing (409).")
	Call confirmConnection(@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId,
			@Valid @RequestBody ConnectionConfirmation confirmation) {
		return this.callers.confirmConnection(callId, confirmation.connectionId()).forCaller();
	}

	@DeleteMapping("/{callId}")
	@Operation(summary = "Leave: end the call from the caller's side (leaving twice changes nothing)")
	Call leave(@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId) {
		return this.callers.leave(callId).forCaller();
	}

}
