-- session-pool-take: gives one pool entry to one dial: an OpenTok session made ahead of demand, with
-- the call id made for it and the caller's token for that session and call. ZPOPMIN removes the
-- session, and the same atomic step reads and deletes its entry, so however many instances dial at
-- once, each entry goes to one dial only; that dial then owns it (session-pool-add.lua, through
-- SessionPool.putBack, is its only way back). Also counts the dial, taken or not, to size the pool
-- by demand. Prefixed with session-pool-lib.lua, not lib.lua.
-- KEYS[1] the pool (zset: session id, score = epoch ms the entry was begun, before its session was
--         created)
-- KEYS[2] prefix of the dial counters (one per demand window)
-- KEYS[3] prefix of the entries (hash <prefix>:<session id>: callId, apiKey, token, expiresAt,
--         usableUntil)
-- ARGV[1] now, epoch ms; ARGV[2] max age of a pool entry, ms; ARGV[3] demand window, ms
-- Returns {session id, created at ms, entries left, call id, api key, token, token expiry epoch ms,
-- usable until epoch ms}, or {} when the pool holds no entry young enough.
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[3])
drop_expired(KEYS[1], KEYS[3], now, tonumber(ARGV[2]))
local counter = KEYS[2] .. ':' .. string.format('%.0f', math.floor(now / window))
redis.call('INCR', counter)
redis.call('PEXPIRE', counter, string.format('%.0f', 3 * window))
-- the oldest first: it is the nearest to its max age
while true do
  local taken = redis.call('ZPOPMIN', KEYS[1])
  if #taken == 0 then
    return taken
  end
  local entry = KEYS[3] .. ':' .. taken[1]
  local fields = redis.call('HMGET', entry, 'callId', 'apiKey', 'token', 'expiresAt', 'usableUntil')
  redis.call('DEL', entry)
  -- usableUntil: the max age its token was made for, should max-age have grown since
  if fields[1] and fields[2] and fields[3] and fields[4] and fields[5] and tonumber(fields[5]) >= now then
    return { taken[1], taken[2], redis.call('ZCARD', KEYS[1]), fields[1], fields[2], fields[3], fields[4],
      fields[5] }
  end
  -- a session without its whole entry (pooled by an earlier version, or its entry expired) or past
  -- the age its token was made for: dropped unused, and the next one taken
end
