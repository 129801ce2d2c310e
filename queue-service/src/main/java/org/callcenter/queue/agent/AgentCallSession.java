package org.callcenter.queue.agent;

import org.callcenter.contracts.tokens.SessionToken;
import org.callcenter.queue.store.Call;

/** A call the agent is now on, and the agent's credentials for its OpenTok session. */
record AgentCallSession(Call call, SessionToken session) {
}
