-- hold: an agent puts the call it is on on hold; the caller stays connected.
-- ARGV[4] agent id, [5] call id
-- Returns {'OK', call} or a refusal: AGENT_NOT_FOUND, AGENT_OFFLINE, CALL_NOT_FOUND,
-- NOT_YOUR_CALLER, CALL_ENDED, CALL_NOT_IN_PROGRESS.
local agentId, id = ARGV[4], ARGV[5]
local c, refusal = own_live_call(agentId, id)
if not c then
  return refusal
end
if c.state ~= 'ON_CALL' then
  return refuse('CALL_NOT_IN_PROGRESS')
end
put_on_hold(id, agentId, 'agentHeld')
return call_reply(id)
