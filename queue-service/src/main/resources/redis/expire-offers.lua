-- expire-offers: offers not answered in time go to the next agent with room (not the one that missed
-- them) or back to the queue at their place. An agent that misses its maximum of offers in a row goes
-- AWAY ('missed-offers'), giving back what else it was offered; an offer whose caller was not
-- connected (nobody to answer yet) is not held against the agent. Then waiting calls go to agents
-- with room: a call declined or missed by the only agent with room waits for this sweep to be offered
-- to it again.
-- ARGV[4] most offers to expire in one run
-- Returns {'OK', number of offers expired}.
local due = redis.call('ZRANGEBYSCORE', key('offers'), '-inf', NOW, 'LIMIT', 0, tonumber(ARGV[4]))
for _, id in ipairs(due) do
  local c = call_of(id)
  if not c or c.state ~= 'OFFERED' then
    redis.call('ZREM', key('offers'), id)
  else
    local agentId = c.agentId
    redis.call('ZREM', key('agent', agentId, 'callers'), id)
    redis.call('HSET', key('call', id), 'agentId', '')
    local missed = 0
    if c.connected == '1' and not c.reconnectBy then
      missed = redis.call('HINCRBY', key('agent', agentId), 'missed', 1)
    end
    rescore_agent(agentId)
    place(id, agentId, 'offerTimedOut', agentId)
    local maxMissed = tonumber(redis.call('HGET', key('agent', agentId), 'maxMissed') or '0')
    if maxMissed > 0 and missed >= maxMissed and agent_state(agentId) ~= 'AWAY' then
      redis.call('HSET', key('agent', agentId), 'missed', '0')
      set_agent_state(agentId, 'AWAY', 'missed-offers')
    end
  end
end
drain_pending()
return { 'OK', #due }
