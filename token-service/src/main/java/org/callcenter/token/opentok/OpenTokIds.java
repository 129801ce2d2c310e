package org.callcenter.token.opentok;

/** What OpenTok ids in paths look like; anything else is a 400 before the SDK sees it. */
public final class OpenTokIds {

	/** URL-safe, at most 255 characters (the SDK would throw on fewer than 2). */
	public static final String SESSION_ID = "[0-9]_[A-Za-z0-9_-]{8,253}";

	/** UUIDs in practice. */
	public static final String CONNECTION_ID = "[A-Za-z0-9_-]{1,64}";

	private OpenTokIds() {
	}

}
