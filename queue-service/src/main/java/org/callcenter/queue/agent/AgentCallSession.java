package org.callcenter.queue.agent;

import org.callcenter.contracts.tokens.SessionToken;
import org.callcenter.queue.store.Call;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A call the agent is now on, and the agent's credentials for its OpenTok session.
 *
 * @param firstAccept whether this request started the call (it was never accepted before)
 */
record AgentCallSession(Call call, SessionToken session, @JsonIgnore boolean firstAccept) {
}
