package org.callcenter.stats.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An agent's own figures for its console: its totals, as the supervisors' list shows them
 * (the same fields, at the top level, so a console that reads only those keeps working),
 * and {@code today} beside them.
 *
 * @param today its figures since midnight in {@code stats.time-zone}
 */
record OwnStats(@JsonUnwrapped AgentStats totals, AgentFigureView today) {

}
