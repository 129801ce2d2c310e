-- consult: the first step of a warm transfer. An agent on a call asks a colleague to join it in the
-- call's session; the colleague must be able to take the call over (online, AVAILABLE, not consulted,
-- with room) and be on no call itself, and takes no new callers while consulted. The colleague then
-- joins (consult-join.lua) and takes the call over (take-over.lua); either of the two may end the
-- consult before that (consult-end.lua), as does the call ending or moving.
-- ARGV[4] agent id, [5] call id, [6] colleague's agent id, [7] note for the colleague ('' = none)
-- Returns {'OK', call} or a refusal: AGENT_NOT_FOUND, AGENT_OFFLINE, CALL_NOT_FOUND, NOT_YOUR_CALLER,
-- CALL_ENDED, CALL_NOT_IN_PROGRESS, CONSULT_IN_PROGRESS, TRANSFER_TARGET_UNAVAILABLE.
local agentId, id, colleague, note = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local c, refusal = own_live_call(agentId, id)
if not c then
  return refusal
end
if c.state ~= 'ON_CALL' then
  return refuse('CALL_NOT_IN_PROGRESS')
end
if c.consultAgentId then
  return refuse('CONSULT_IN_PROGRESS')
end
if colleague == agentId or not takes_transfer(colleague)
    or redis.call('HEXISTS', key('agent', colleague), 'activeCall') == 1 then
  return refuse('TRANSFER_TARGET_UNAVAILABLE')
end
redis.call('HSET', key('call', id), 'consultAgentId', colleague, 'consultNote', note)
redis.call('HSET', key('agent', colleague), 'consulting', id)
rescore_agent(colleague)
emit(id, 'CONSULT_STARTED')
return call_reply(id)
