-- leave: the caller hangs up (or never connected, or its connection went away). Its agent gets room
-- and takes the oldest waiting call. Leaving an ended call changes nothing.
-- ARGV[4] call id, [5] reason (a CallEventReason wire name: callerLeft)
-- Returns {'OK', call} or {'CALL_NOT_FOUND'}.
local id = ARGV[4]
local c = call_of(id)
if not c then
  return refuse('CALL_NOT_FOUND')
end
if c.state ~= 'ENDED' then
  end_call(id, c, ARGV[5])
end
return call_reply(id)
