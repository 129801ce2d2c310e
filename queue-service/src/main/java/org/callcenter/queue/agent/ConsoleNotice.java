package org.callcenter.queue.agent;

/**
 * What an agent's console should show about the call center itself, answered to every
 * heartbeat.
 *
 * @param callbacksArriving false while OpenTok's session-monitoring webhooks are missing
 * @param problem what is wrong and what to check, or null
 */
record ConsoleNotice(boolean callbacksArriving, String problem) {
}
