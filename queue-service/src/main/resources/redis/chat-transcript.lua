-- chat-transcript: the call's chat messages, oldest first, for its caller or for its agent (the
-- call's current agent). Changes nothing.
-- ARGV[4] call id, [5] the agent id when an agent reads ('' for the caller)
-- Returns {'OK', {message JSON, ...}} or a refusal: CALL_NOT_FOUND, NOT_YOUR_CALLER.
local id, agentId = ARGV[4], ARGV[5]
local c = call_of(id)
if not c then
  return refuse('CALL_NOT_FOUND')
end
if agentId ~= '' and c.agentId ~= agentId then
  return refuse('NOT_YOUR_CALLER')
end
return { 'OK', redis.call('LRANGE', key('call', id, 'chat'), 0, -1) }
