-- relay-lease: takes or renews the lease that makes one instance the only outbox relay, so call
-- events reach Kafka in outbox order. Not prefixed with lib.lua.
-- KEYS[1] lease owner key, KEYS[2] cursor key
-- ARGV[1] this instance's id, ARGV[2] lease length in milliseconds
-- Returns the id of the last relayed outbox entry ('0-0' if none) when this instance holds the lease,
-- false otherwise.
local owner = redis.call('GET', KEYS[1])
if owner and owner ~= ARGV[1] then
  return false
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return redis.call('GET', KEYS[2]) or '0-0'
