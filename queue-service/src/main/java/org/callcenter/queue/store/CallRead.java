package org.callcenter.queue.store;

/** A call as its caller reads it: the call and the figures to estimate its wait. */
public record CallRead(Call call, WaitFigures figures) {

}
