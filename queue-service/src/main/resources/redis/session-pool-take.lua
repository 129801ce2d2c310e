-- session-pool-take: gives one pooled OpenTok session to one dial. ZPOPMIN removes the session in
-- the same atomic step that reads it, so however many instances dial at once, each session goes to
-- one dial only; that dial then owns it (SessionPool.putBack is its only way back). Also counts the
-- dial, taken or not, to size the pool by demand. Not prefixed with lib.lua.
-- KEYS[1] the pool (zset: session id, score = epoch ms it was created)
-- KEYS[2] prefix of the dial counters (one per demand window)
-- ARGV[1] now, epoch ms; ARGV[2] max age of a pooled session, ms; ARGV[3] demand window, ms
-- Returns {session id, created at ms, sessions left}, or {} when the pool holds no session young
-- enough.
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[3])
-- sessions past their age are dropped unused, never handed out
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. string.format('%.0f', now - tonumber(ARGV[2])))
local counter = KEYS[2] .. ':' .. string.format('%.0f', math.floor(now / window))
redis.call('INCR', counter)
redis.call('PEXPIRE', counter, string.format('%.0f', 3 * window))
-- the oldest first: it is the nearest to its max age
local taken = redis.call('ZPOPMIN', KEYS[1])
if #taken == 0 then
  return taken
end
return { taken[1], taken[2], redis.call('ZCARD', KEYS[1]) }
