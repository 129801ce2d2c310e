-- session-pool-add: adds one entry to the session pool, or puts back one a dial took and did not use,
-- in one atomic step with its session's member of the pool, so an entry is never half there. Refused
-- (the entry is dropped) when a call owns its session or has its call id (a dial that took it may
-- have stored its call before it failed: then the entry is that call's, never anyone else's), or when
-- it is past its max age or the one its token was made for. The refiller (holder of the lease session-pool:refiller) and SessionPool.putBack
-- call it. Not prefixed with lib.lua.
-- KEYS[1] the pool (zset: session id, score = epoch ms the entry was begun)
-- KEYS[2] the entry (hash: callId, apiKey, token, expiresAt, usableUntil)
-- KEYS[3] the call with the entry's call id (lib.lua's call:<id>)
-- KEYS[4] the call that owns the entry's session (lib.lua's session:<session id>)
-- ARGV[1] now, epoch ms; ARGV[2] max age of a pool entry, ms; ARGV[3] session id;
-- ARGV[4] epoch ms the entry was begun; ARGV[5] call id; ARGV[6] OpenTok API key;
-- ARGV[7] the caller's token; ARGV[8] epoch ms the token expires; ARGV[9] epoch ms by which the
-- entry must be handed out (begun + the max age the token was made to outlast by a full lifetime)
-- Returns 1 if the entry is in the pool, 0 if it was dropped.
local now = tonumber(ARGV[1])
local begun = tonumber(ARGV[4])
local usableUntil = math.min(begun + tonumber(ARGV[2]), tonumber(ARGV[9]))
if redis.call('EXISTS', KEYS[3]) == 1 or redis.call('EXISTS', KEYS[4]) == 1 then
  return 0
end
if usableUntil < now then
  return 0
end
redis.call('HSET', KEYS[2], 'callId', ARGV[5], 'apiKey', ARGV[6], 'token', ARGV[7], 'expiresAt', ARGV[8],
  'usableUntil', ARGV[9])
-- gone by itself a minute after the entry can last be handed out (session-pool-take and -refill drop
-- it with its member before then; the minute covers clocks that differ between instances and Redis)
redis.call('PEXPIREAT', KEYS[2], string.format('%.0f', usableUntil + 60000))
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
return 1
