package org.callcenter.queue.agent;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.callcenter.queue.system.Ids;

/**
 * Whom an agent asks to join its call (a warm transfer).
 *
 * @param to the colleague to join the call and take it over
 * @param note for the colleague (never shown to the caller)
 */
record ConsultRequest(@NotNull @Pattern(regexp = Ids.AGENT_ID) String to, @Size(max = 500) String note) {
}
