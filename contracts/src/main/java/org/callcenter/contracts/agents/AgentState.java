package org.callcenter.contracts.agents;

/**
 * What an agent is doing, as far as routing callers goes. Being on a call is not a state
 * of its own: it follows from the agent's active call, and an agent on a call may be in
 * any online state.
 */
public enum AgentState {

	/** Takes new callers (least connections among the available agents). */
	AVAILABLE,
	/**
	 * Takes no new callers, for a reason ({@link AgentEvent#awayReason()}); keeps the
	 * callers it has unless it hands them back.
	 */
	AWAY,
	/**
	 * After a call: takes no new callers until the wrap-up time is over or the agent says
	 * it is ready.
	 */
	WRAP_UP,
	/** Signed out, or its console went silent; has no callers. */
	OFFLINE

}
