-- wrap-up: the agent records an outcome and notes for a call it handled that has ended (during its
-- wrap-up time or later, while the call is still kept); they go out on the call's WRAPPED event.
-- Recording again replaces them (another WRAPPED event).
-- ARGV[4] agent id, [5] call id, [6] outcome ('' for none), [7] notes ('' for none)
-- Returns {'OK', call} or a refusal: AGENT_NOT_FOUND, CALL_NOT_FOUND, NOT_YOUR_CALLER, CALL_NOT_ENDED.
local agentId, id = ARGV[4], ARGV[5]
if not agent_of(agentId) then
  return refuse('AGENT_NOT_FOUND')
end
local c = call_of(id)
if not c then
  return refuse('CALL_NOT_FOUND')
end
if c.agentId ~= agentId then
  return refuse('NOT_YOUR_CALLER')
end
if c.state ~= 'ENDED' then
  return refuse('CALL_NOT_ENDED')
end
redis.call('HSET', key('call', id), 'outcome', ARGV[6], 'notes', ARGV[7])
emit(id, 'WRAPPED')
return call_reply(id)
