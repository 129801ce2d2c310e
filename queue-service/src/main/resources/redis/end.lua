-- end: an agent ends one of its calls (the caller is then told to leave), with an outcome and notes
-- if it has them, and takes the oldest waiting call if that gives it room (unless its wrap-up
-- begins). Ending an ended call changes nothing.
-- ARGV[4] agent id, [5] call id, [6] outcome ('' for none), [7] notes ('' for none)
-- Returns {'OK', call} or a refusal: AGENT_NOT_FOUND, AGENT_OFFLINE, CALL_NOT_FOUND, NOT_YOUR_CALLER.
local agentId, id = ARGV[4], ARGV[5]
local c, refusal = own_call(agentId, id)
if not c then
  return refusal
end
if c.state ~= 'ENDED' then
  if ARGV[6] ~= '' or ARGV[7] ~= '' then
    redis.call('HSET', key('call', id), 'outcome', ARGV[6], 'notes', ARGV[7])
  end
  end_call(id, c, 'agentEnded')
end
return call_reply(id)
