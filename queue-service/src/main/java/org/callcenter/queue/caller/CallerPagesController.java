package org.callcenter.queue.caller;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.callcenter.queue.store.CallStore;
import org.callcenter.queue.system.Ids;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway reports, in one request per interval, the calls whose caller page holds its
 * event stream open: a page that is gone stops being reported, and its call ends after
 * the caller grace period even when OpenTok's webhooks never say the caller left.
 */
@RestController
@Tag(name = "Callers")
class CallerPagesController {

	private final CallStore store;

	CallerPagesController(CallStore store) {
		this.store = store;
	}

	@PutMapping("/api/callers/alive")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "These callers' pages are still open (sent by the gateway with its own identity)")
	void alive(@RequestBody @Size(max = 10_000) List<@Pattern(regexp = Ids.CALL_ID) String> callIds) {
		if (!callIds.isEmpty()) {
			this.store.callersAlive(callIds);
		}
	}

}
