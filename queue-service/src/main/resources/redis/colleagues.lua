-- colleagues: every online agent with its state and load, so an agent can see whom it may transfer a
-- call to. Changes nothing. O(online agents).
-- Returns {'OK', {agent, ...}}.
local agents = {}
for _, agentId in ipairs(redis.call('ZRANGE', key('agents', 'seen'), 0, -1)) do
  table.insert(agents, agent_reply(agentId)[2])
end
return { 'OK', agents }
