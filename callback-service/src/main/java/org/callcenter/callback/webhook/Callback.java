package org.callcenter.callback.webhook;

import org.callcenter.contracts.sessions.SessionEvent;

/**
 * A parsed callback: the event name, the OpenTok project it says it is about (null if it
 * names none), and the record to publish when the call center uses it (null for events it
 * only acknowledges, such as sessionCreated).
 */
record Callback(String event, String projectId, SessionEvent toPublish) {
}
