package org.callcenter.stats.figures;

/**
 * One agent's part in one call it accepted: the call counts as answered by it, with the
 * time it had the call so far.
 */
public record AgentShare(String agentId, long handleMillis) {

}
