package org.callcenter.queue.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A chat message to write in a call. */
record ChatRequest(@NotBlank @Size(max = 1000) String text) {
}
