package org.callcenter.queue.caller;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The caller's page: "I am connected to my call's session on this OpenTok connection".
 */
record ConnectionConfirmation(@NotBlank @Pattern(regexp = "[A-Za-z0-9_.:-]{1,128}") String connectionId) {
}
