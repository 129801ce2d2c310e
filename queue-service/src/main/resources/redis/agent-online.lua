-- agent-online: an agent starts taking calls, AVAILABLE, and takes waiting calls while it has room.
-- Going online again (a reload, a second console) renames the agent, updates its wrap-up time and
-- counts as a heartbeat; it keeps the agent's state (AWAY stays AWAY).
-- ARGV[4] agent id, [5] display name, [6] the agent's wrap-up time in ms (0 = none), [7] how long it
-- has to answer an offer in ms (0 = its callers are assigned, not offered), [8] offers it may miss in
-- a row before it is made AWAY (0 = never), [9] its skills ('queue:level' pairs, comma-separated)
-- Returns {'OK', agent}.
local agentId = ARGV[4]
redis.call('HSET', key('agent', agentId), 'id', agentId, 'displayName', ARGV[5], 'wrapUpMs', ARGV[6],
  'offerMs', ARGV[7], 'maxMissed', ARGV[8])
if redis.call('HGET', key('agent', agentId), 'online') ~= '1' then
  redis.call('HSET', key('agent', agentId), 'online', '1', 'tick', next_seq(), 'state', 'AVAILABLE',
    'stateSince', NOW, 'missed', '0')
  redis.call('HDEL', key('agent', agentId), 'awayReason', 'wrapUpUntil')
  redis.call('SADD', key('agents', 'known'), agentId)
  redis.call('ZADD', key('agents', 'seen'), NOW, agentId)
  set_skills(agentId, ARGV[9])
  emit_agent(agentId, 'ONLINE')
else
  set_skills(agentId, ARGV[9])
end
redis.call('ZADD', key('agents', 'seen'), NOW, agentId)
drain_agent(agentId)
return agent_reply(agentId)
