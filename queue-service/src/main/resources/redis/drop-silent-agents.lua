-- drop-silent-agents: takes offline the agents whose console has not been heard from for longer than
-- the grace period; their calls move as when they log out.
-- ARGV[4] grace period in milliseconds
-- Returns {'OK', number of agents taken offline}.
local silent = redis.call('ZRANGEBYSCORE', key('agents', 'seen'), '-inf', NOW - tonumber(ARGV[4]))
for _, agentId in ipairs(silent) do
  go_offline(agentId, 'heartbeatLost')
end
return { 'OK', #silent }
