package org.callcenter.queue.store;

import java.util.List;

/** An agent with the calls assigned to it, oldest first. */
public record AgentCalls(Agent agent, List<Call> calls) {
}
