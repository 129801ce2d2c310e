package org.callcenter.queue.caller;

import org.callcenter.contracts.tokens.SessionToken;
import org.callcenter.queue.store.Call;

/**
 * The new call, the caller's credentials for its OpenTok session, and
 * {@code callerToken}: the bearer credential that lets this caller (and only it) follow
 * and leave its call.
 */
record DialResponse(Call call, SessionToken session, String callerToken) {
}
