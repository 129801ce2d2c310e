-- agent-offline: an agent stops. Each of its calls, oldest first, goes to another agent with room or
-- back to the pending queue by its original arrival, ahead of later callers.
-- ARGV[4] agent id, [5] reason (an OfflineReason wire name: agentLoggedOut, heartbeatLost)
-- Returns {'OK', agent} or {'AGENT_NOT_FOUND'}.
local agentId = ARGV[4]
local a = agent_of(agentId)
if not a then
  return refuse('AGENT_NOT_FOUND')
end
if a.online == '1' then
  go_offline(agentId, ARGV[5])
end
return agent_reply(agentId)
