-- consult-join: the colleague consulted on a call joins its session (three parties: the caller, the
-- call's agent and the colleague). Joining again changes nothing.
-- ARGV[4] the colleague's agent id, [5] call id
-- Returns {'OK', call} or a refusal: AGENT_NOT_FOUND, AGENT_OFFLINE, CALL_NOT_FOUND, CALL_ENDED,
-- NOT_CONSULTED.
local agentId, id = ARGV[4], ARGV[5]
local c, refusal = consulted_call(agentId, id)
if not c then
  return refusal
end
if c.consultJoined ~= '1' then
  redis.call('HSET', key('call', id), 'consultJoined', '1')
  emit(id, 'CONSULT_JOINED')
end
return call_reply(id)
