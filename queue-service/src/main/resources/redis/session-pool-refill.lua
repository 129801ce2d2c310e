-- session-pool-refill: takes or renews the lease that makes one instance the only refiller of the
-- session pool (so two instances do not both fill the same gap), drops sessions past their age, and
-- tells the refiller how full the pool is and how many dials there were lately. Not prefixed with
-- lib.lua.
-- KEYS[1] the pool (zset: session id, score = epoch ms it was created)
-- KEYS[2] the refiller lease (string: the holder's instance id, with a TTL)
-- KEYS[3] prefix of the dial counters (one per demand window)
-- ARGV[1] now, epoch ms; ARGV[2] max age of a pooled session, ms; ARGV[3] demand window, ms;
-- ARGV[4] this instance's id; ARGV[5] lease length, ms
-- Returns false when another instance holds the lease, otherwise {sessions in the pool, dials in
-- the last window (the larger of the one running and the one before)}.
local owner = redis.call('GET', KEYS[2])
if owner and owner ~= ARGV[4] then
  return false
end
redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[5])
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. string.format('%.0f', now - tonumber(ARGV[2])))
local current = math.floor(now / window)
local dials = math.max(tonumber(redis.call('GET', KEYS[3] .. ':' .. string.format('%.0f', current)) or '0'),
  tonumber(redis.call('GET', KEYS[3] .. ':' .. string.format('%.0f', current - 1)) or '0'))
return { redis.call('ZCARD', KEYS[1]), dials }
