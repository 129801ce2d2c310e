package org.callcenter.contracts.agents;

/**
 * The agents of one queue after an agent's change, for the pages of callers waiting in
 * it.
 *
 * @param online the agents signed in who serve the queue (at any level, in any state):
 * none means nobody is there to take its callers
 * @param serving those of them {@link AgentState#AVAILABLE} or in
 * {@link AgentState#WRAP_UP}: the ones its waiting line is shared among
 */
public record QueueAgents(int online, int serving) {
}
