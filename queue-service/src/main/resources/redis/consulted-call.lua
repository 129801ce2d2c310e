-- consulted-call: the call an agent is consulted on, if any (so a console reloaded during a consult
-- finds it again). Changes nothing.
-- ARGV[4] agent id
-- Returns {'OK', call}, {'OK'} when the agent is consulted on no call, or {'AGENT_NOT_FOUND'}.
local agentId = ARGV[4]
if not agent_of(agentId) then
  return refuse('AGENT_NOT_FOUND')
end
local id = redis.call('HGET', key('agent', agentId), 'consulting')
if not id then
  return { 'OK' }
end
return call_reply(id)
