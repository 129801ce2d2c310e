package org.callcenter.queue.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An agent going online, with the name callers and supervisors see. */
record OnlineRequest(@NotBlank @Size(max = 100) String displayName) {
}
