-- agent-calls: an agent and the calls assigned to it, oldest first (calls transferred to it first of
-- all). Changes nothing.
-- ARGV[4] agent id
-- Returns {'OK', agent, {call, ...}} or {'AGENT_NOT_FOUND'}.
local agentId = ARGV[4]
if not agent_of(agentId) then
  return refuse('AGENT_NOT_FOUND')
end
local calls = {}
for _, id in ipairs(redis.call('ZRANGE', key('agent', agentId, 'callers'), 0, -1)) do
  table.insert(calls, call_reply(id)[2])
end
return { 'OK', agent_reply(agentId)[2], calls }
