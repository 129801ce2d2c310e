-- call: reads one call, with its queue position while it waits and what its caller's page needs to
-- estimate the wait. Changes nothing.
-- ARGV[4] call id
-- Returns {'OK', call, figures} or {'CALL_NOT_FOUND'}. figures is flat: agentsServing (those serving
-- the call's queue: queue_agents), averageHandleMs (the recency-weighted average handle time, absent
-- before any taken call ended), and
-- while the call is ASSIGNED or OFFERED aheadWithAgent: its agent's other callers served before it,
-- which are the calls it has taken (on call, on hold: whatever their arrival) and the ones given to it
-- earlier (lower in its list) that wait to be taken. O(the agent's callers) for an assigned call.
local id = ARGV[4]
local c = call_of(id)
if not c then
  return refuse('CALL_NOT_FOUND')
end
local q = queue_of(id)
local figures = { 'agentsServing', tostring(queue_agents(q)[q].serving) }
local average = redis.call('HGET', key('handle-time'), 'averageMs')
if average then
  table.insert(figures, 'averageHandleMs')
  table.insert(figures, average)
end
if (c.state == 'ASSIGNED' or c.state == 'OFFERED') and c.agentId ~= '' then
  local ahead = 0
  local before = true
  for _, other in ipairs(redis.call('ZRANGE', key('agent', c.agentId, 'callers'), 0, -1)) do
    if other == id then
      before = false
    else
      local state = redis.call('HGET', key('call', other), 'state')
      if state == 'ON_CALL' or state == 'ON_HOLD' or before then
        ahead = ahead + 1
      end
    end
  end
  table.insert(figures, 'aheadWithAgent')
  table.insert(figures, tostring(ahead))
end
local reply = call_reply(id)
table.insert(reply, figures)
return reply
