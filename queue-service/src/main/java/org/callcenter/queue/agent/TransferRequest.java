package org.callcenter.queue.agent;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.callcenter.queue.system.Ids;

/**
 * Where an agent transfers its caller.
 *
 * @param to the agent to take the call; absent: back to the queue at the caller's place
 * @param note for the next agent (never shown to the caller)
 */
record TransferRequest(@Pattern(regexp = Ids.AGENT_ID) String to, @Size(max = 500) String note) {
}
