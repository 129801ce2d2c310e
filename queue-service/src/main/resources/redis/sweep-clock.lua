-- sweep-clock: notes that the call center is swept now. When no instance has swept for longer than
-- ARGV[4] ms, queue-service as a whole was down or cut off from Redis: consoles' heartbeats and
-- reports of callers' pages could not be recorded meanwhile, and session webhooks waited in Kafka.
-- That silence is the service's, not theirs: every online agent and every open caller page gets a
-- fresh grace period, and every connect or reconnect deadline moves on by the length of the outage.
-- Returns {'OK', length of the outage forgiven in ms, 0 if none}.
local last = tonumber(redis.call('GET', key('sweep', 'last')) or '0')
redis.call('SET', key('sweep', 'last'), NOW)
local gap = NOW - last
if last == 0 or gap <= tonumber(ARGV[4]) then
  return { 'OK', 0 }
end
for _, agentId in ipairs(redis.call('ZRANGE', key('agents', 'seen'), 0, -1)) do
  redis.call('ZADD', key('agents', 'seen'), NOW, agentId)
end
for _, id in ipairs(redis.call('ZRANGE', key('callers', 'seen'), 0, -1)) do
  redis.call('ZADD', key('callers', 'seen'), NOW, id)
end
local deadlines = redis.call('ZRANGE', key('unconnected'), 0, -1, 'WITHSCORES')
for i = 1, #deadlines, 2 do
  local id, deadline = deadlines[i], tonumber(deadlines[i + 1]) + gap
  redis.call('ZADD', key('unconnected'), string.format('%.0f', deadline), id)
  if redis.call('HEXISTS', key('call', id), 'reconnectBy') == 1 then
    redis.call('HSET', key('call', id), 'reconnectBy', string.format('%.0f', deadline))
  end
end
return { 'OK', gap }
