-- session-pool-refill: drops entries past their age and tells the refiller how full the pool is and
-- how many dials there were lately. Only the holder of the refiller lease (session-pool:refiller,
-- lease.lua) calls it, so two instances do not both fill the same gap. Prefixed with session-pool-lib.lua, not lib.lua.
-- KEYS[1] the pool (zset: session id, score = epoch ms the entry was begun)
-- KEYS[2] prefix of the dial counters (one per demand window)
-- KEYS[3] prefix of the entries (hash <prefix>:<session id>)
-- ARGV[1] now, epoch ms; ARGV[2] max age of a pool entry, ms; ARGV[3] demand window, ms
-- Returns {entries in the pool, dials in the last window (the larger of the one running and the one
-- before)}.
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[3])
drop_expired(KEYS[1], KEYS[3], now, tonumber(ARGV[2]))
local current = math.floor(now / window)
local dials = math.max(tonumber(redis.call('GET', KEYS[2] .. ':' .. string.format('%.0f', current)) or '0'),
  tonumber(redis.call('GET', KEYS[2] .. ':' .. string.format('%.0f', current - 1)) or '0'))
return { redis.call('ZCARD', KEYS[1]), dials }
