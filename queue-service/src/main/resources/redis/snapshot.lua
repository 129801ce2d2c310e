-- snapshot: the whole queue at one instant, for supervisors and for invariant checks. Changes nothing.
-- It reads every live call, so it costs O(live calls + known agents).
-- Returns {'OK', {pending call id, ...}, {agent, ...}, {call, ...}} where the pending calls of every
-- queue come in the order callers are served in (queue priority, then arrival) and each agent carries
-- 'score' (its raw `agents` score, absent when offline) and 'callers' (its call ids, space-separated).
local waiting = {}
for _, q in ipairs(QUEUES) do
  local flat = redis.call('ZRANGE', key('pending', q), 0, -1, 'WITHSCORES')
  for i = 1, #flat, 2 do
    table.insert(waiting, { id = flat[i], arrival = tonumber(flat[i + 1]), priority = QUEUE[q].priority })
  end
end
table.sort(waiting, function(a, b)
  if a.priority ~= b.priority then
    return a.priority > b.priority
  end
  return a.arrival < b.arrival
end)
local pending = {}
for i, call in ipairs(waiting) do
  pending[i] = call.id
end
local agents = {}
for _, agentId in ipairs(redis.call('SMEMBERS', key('agents', 'known'))) do
  local flat = redis.call('HGETALL', key('agent', agentId))
  local score = redis.call('ZSCORE', key('agents'), agentId)
  if score then
    table.insert(flat, 'score')
    table.insert(flat, score)
  end
  table.insert(flat, 'callers')
  table.insert(flat, table.concat(redis.call('ZRANGE', key('agent', agentId, 'callers'), 0, -1), ' '))
  table.insert(agents, flat)
end
local calls = {}
for _, id in ipairs(redis.call('SMEMBERS', key('live'))) do
  table.insert(calls, redis.call('HGETALL', key('call', id)))
end
return { 'OK', pending, agents, calls }
