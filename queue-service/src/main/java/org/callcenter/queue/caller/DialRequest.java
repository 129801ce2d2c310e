package org.callcenter.queue.caller;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.callcenter.queue.store.CallMode;

/** What a caller says when dialing. */
record DialRequest(@NotBlank @Size(max = 100) String name, @Size(max = 500) String reason, @NotNull CallMode mode) {
}
