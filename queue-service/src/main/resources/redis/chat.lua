-- chat: the caller or its agent writes in the call's chat while they talk (the call ON_CALL or
-- ON_HOLD with that agent). The message is kept with the call and told on a MESSAGE event (same
-- state), so both pages show it and read the transcript again after a reload.
-- ARGV[4] call id, [5] 'caller' or 'agent', [6] the agent id when from the agent ('' otherwise),
-- [7] text, [8] most messages one call keeps
-- Returns {'OK', message JSON} or a refusal: CALL_NOT_FOUND, AGENT_NOT_FOUND, AGENT_OFFLINE,
-- NOT_YOUR_CALLER, CALL_NOT_IN_PROGRESS, CHAT_FULL.
local id, from, agentId, text = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local c, refusal
if from == 'agent' then
  c, refusal = own_call(agentId, id)
else
  c = call_of(id)
  refusal = refuse('CALL_NOT_FOUND')
end
if not c then
  return refusal
end
if c.state ~= 'ON_CALL' and c.state ~= 'ON_HOLD' then
  return refuse('CALL_NOT_IN_PROGRESS')
end
local count = redis.call('LLEN', key('call', id, 'chat'))
if count >= tonumber(ARGV[8]) then
  return refuse('CHAT_FULL')
end
local name = c.name
if from == 'agent' then
  name = redis.call('HGET', key('agent', agentId), 'displayName') or agentId
end
local message = cjson.encode({ seq = count + 1, from = from, name = name, text = text, at = ARGV[1] })
redis.call('RPUSH', key('call', id, 'chat'), message)
emit(id, 'MESSAGE', { message = message })
return { 'OK', message }
