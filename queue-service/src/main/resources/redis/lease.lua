-- lease: takes or renews a lease that makes one instance at a time the one that does some work (the
-- outbox relay, the session pool's refiller); it lapses unless its holder renews it in time. Not
-- prefixed with lib.lua.
-- KEYS[1] the lease (string: the holder's instance id, with a TTL)
-- ARGV[1] this instance's id, ARGV[2] lease length in milliseconds
-- Returns 1 when this instance holds the lease (now for ARGV[2] more), 0 when another instance does.
local owner = redis.call('GET', KEYS[1])
if owner and owner ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
