-- session-pool-lib: what the session pool's scripts share (SessionPool prefixes it to
-- session-pool-take and session-pool-refill).

-- Drops the pool's entries begun before now - maxAge, each with its hash: they are never handed
-- out (their tokens were made to be valid a full lifetime after the max age, not longer).
local function drop_expired(pool, entries, now, maxAge)
  local limit = '(' .. string.format('%.0f', now - maxAge)
  for _, old in ipairs(redis.call('ZRANGEBYSCORE', pool, '-inf', limit)) do
    redis.call('DEL', entries .. ':' .. old)
  end
  redis.call('ZREMRANGEBYSCORE', pool, '-inf', limit)
end
