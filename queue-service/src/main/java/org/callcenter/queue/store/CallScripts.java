package org.callcenter.queue.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.callcenter.queue.system.LuaScripts;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts under {@code redis/}, each prefixed with {@code lib.lua} so that they
 * share one set of helpers and key names. Spring runs them with EVALSHA and falls back to
 * EVAL once per server.
 */
final class CallScripts {

	private final String library = LuaScripts.text("lib");

	private final Map<String, RedisScript<List>> scripts = new ConcurrentHashMap<>();

	RedisScript<List> named(String name) {
		return this.scripts.computeIfAbsent(name,
				(key) -> RedisScript.of(this.library + "\n" + LuaScripts.text(key), List.class));
	}

}
