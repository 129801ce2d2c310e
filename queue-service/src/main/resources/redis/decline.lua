-- decline: an agent declines a call offered to it. The call is offered to the next agent with room
-- (not this one), or goes back to the queue at its place; a later sweep may offer it to this agent
-- again if nobody else takes it. A decline is an answer: it ends the agent's run of missed offers.
-- ARGV[4] agent id, [5] call id
-- Returns {'OK', call} or a refusal: AGENT_NOT_FOUND, AGENT_OFFLINE, CALL_NOT_FOUND,
-- NOT_YOUR_CALLER, CALL_NOT_OFFERED.
local agentId, id = ARGV[4], ARGV[5]
local c, refusal = own_call(agentId, id)
if not c then
  return refusal
end
if c.state ~= 'OFFERED' then
  return refuse('CALL_NOT_OFFERED')
end
redis.call('ZREM', key('agent', agentId, 'callers'), id)
redis.call('HSET', key('call', id), 'agentId', '')
redis.call('HSET', key('agent', agentId), 'missed', '0')
rescore_agent(agentId)
place(id, agentId, 'offerDeclined', agentId)
return call_reply(id)
