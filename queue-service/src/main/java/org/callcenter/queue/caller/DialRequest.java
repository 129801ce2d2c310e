package org.callcenter.queue.caller;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.callcenter.queue.store.CallMode;

/**
 * What a caller says when dialing.
 *
 * @param queue the queue it joins (an id of {@code GET /api/queues}); absent for the
 * first
 */
record DialRequest(@NotBlank @Size(max = 100) String name, @Size(max = 500) String reason, @NotNull CallMode mode,
		@Size(max = 40) String queue) {
}
