package org.callcenter.queue.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Reads the Lua scripts under {@code redis/} once, as text. A script made from a
 * {@link org.springframework.core.io.Resource} asks that resource whether it changed
 * before every call (to recompute its SHA-1), and for a class path resource in an
 * executable jar each such check searches the whole class path: measured with JFR, a few
 * percent of queue-service's CPU per dial. A script in a running jar never changes.
 */
public final class LuaScripts {

	private LuaScripts() {
	}

	/**
	 * The script {@code redis/<name>.lua}, after the text of each of {@code libraries}
	 * (scripts of shared local functions), in order.
	 */
	public static <T> RedisScript<T> script(String name, Class<T> resultType, String... libraries) {
		StringBuilder text = new StringBuilder();
		for (String library : libraries) {
			text.append(text(library)).append('\n');
		}
		return RedisScript.of(text.append(text(name)).toString(), resultType);
	}

	public static String text(String name) {
		try {
			return new ClassPathResource("redis/" + name + ".lua").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("missing script redis/" + name + ".lua", ex);
		}
	}

}
