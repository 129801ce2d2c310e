-- relay-advance: records that Kafka acknowledged every outbox entry up to an id, and trims them.
-- Only the lease holder may advance; anyone else's acknowledgement is dropped (the holder will
-- relay those entries again, and consumers drop the repeats).
-- KEYS[1] lease owner key, KEYS[2] cursor key, KEYS[3] outbox stream
-- ARGV[1] this instance's id, ARGV[2] last acknowledged entry id
-- Returns 1 if advanced, 0 if this instance had lost the lease.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('XTRIM', KEYS[3], 'MINID', ARGV[2])
return 1
