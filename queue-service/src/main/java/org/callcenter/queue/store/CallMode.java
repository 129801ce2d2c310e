package org.callcenter.queue.store;

/** How the caller takes part: with camera and microphone, or microphone only. */
public enum CallMode {

	audioVideo, audioOnly

}
