-- heartbeat: whoever holds an online agent's live connection says the console is still there.
-- ARGV[4] agent id
-- Returns {'OK', agent}, {'AGENT_NOT_FOUND'} or {'AGENT_OFFLINE'}.
local agentId = ARGV[4]
local a, refusal = online_agent(agentId)
if not a then
  return refusal
end
redis.call('ZADD', key('agents', 'seen'), NOW, agentId)
return agent_reply(agentId)
