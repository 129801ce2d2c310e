-- end: an agent ends one of its calls (the caller is then told to leave), and takes the oldest
-- waiting call if that gives it room. Ending an ended call changes nothing.
-- ARGV[4] agent id, [5] call id
-- Returns {'OK', call} or a refusal: AGENT_NOT_FOUND, AGENT_OFFLINE, CALL_NOT_FOUND, NOT_YOUR_CALLER.
local agentId, id = ARGV[4], ARGV[5]
local c, refusal = own_call(agentId, id)
if not c then
  return refusal
end
if c.state ~= 'ENDED' then
  end_call(id, c, 'agentEnded')
end
return call_reply(id)
