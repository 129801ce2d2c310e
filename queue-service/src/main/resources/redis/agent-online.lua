-- agent-online: an agent starts taking calls, and takes waiting calls while it has room.
-- Going online again only renames the agent and counts as a heartbeat.
-- ARGV[4] agent id, [5] display name
-- Returns {'OK', agent}.
local agentId = ARGV[4]
redis.call('HSET', key('agent', agentId), 'id', agentId, 'displayName', ARGV[5])
if redis.call('HGET', key('agent', agentId), 'online') ~= '1' then
  redis.call('HSET', key('agent', agentId), 'online', '1', 'tick', next_seq())
  redis.call('SADD', key('agents', 'known'), agentId)
  rescore_agent(agentId)
  emit_agent(agentId, 'ONLINE')
end
redis.call('ZADD', key('agents', 'seen'), NOW, agentId)
drain_pending()
return agent_reply(agentId)
