-- call: reads one call, with its queue position while it waits. Changes nothing.
-- ARGV[4] call id
-- Returns {'OK', call} or {'CALL_NOT_FOUND'}.
if not call_of(ARGV[4]) then
  return refuse('CALL_NOT_FOUND')
end
return call_reply(ARGV[4])
