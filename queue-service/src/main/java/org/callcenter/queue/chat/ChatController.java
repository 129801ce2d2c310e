package org.callcenter.queue.chat;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.callcenter.contracts.calls.ChatMessage;
import org.callcenter.queue.store.CallStore;
import org.callcenter.queue.system.Ids;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The text chat of a call, for its caller (with the call's credential) and its agent
 * (with the gateway's signed identity): {@code AccessControl} checks both by path. The
 * messages are kept with the call and pushed as the call's MESSAGE events.
 */
@RestController
@Tag(name = "Chat", description = "Text messages between a caller and its agent during their call")
class ChatController {

	private final CallStore store;

	ChatController(CallStore store) {
		this.store = store;
	}

	@PostMapping("/api/calls/{callId}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The caller writes to its agent (while they talk)")
	ChatMessage callerWrites(@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId,
			@Valid @RequestBody ChatRequest request) {
		return this.store.chat(callId, null, request.text());
	}

	@GetMapping("/api/calls/{callId}/messages")
	@Operation(summary = "The call's chat, oldest first, as its caller reads it")
	List<ChatMessage> callerReads(@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId) {
		return this.store.transcript(callId, null);
	}

	@PostMapping("/api/agents/{agentId}/callers/{callId}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The agent writes to its caller (while they talk)")
	ChatMessage agentWrites(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId, @Valid @RequestBody ChatRequest request) {
		return this.store.chat(callId, agentId, request.text());
	}

	@GetMapping("/api/agents/{agentId}/callers/{callId}/messages")
	@Operation(summary = "The chat of a call of the agent's, oldest first")
	List<ChatMessage> agentReads(@PathVariable @Pattern(regexp = Ids.AGENT_ID) String agentId,
			@PathVariable @Pattern(regexp = Ids.CALL_ID) String callId) {
		return this.store.transcript(callId, agentId);
	}

}
