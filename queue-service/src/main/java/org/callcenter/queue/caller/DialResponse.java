package org.callcenter.queue.caller;

import org.callcenter.contracts.tokens.SessionToken;
import org.callcenter.queue.store.Call;

/** The new call and the caller's credentials for its OpenTok session. */
record DialResponse(Call call, SessionToken session) {
}
