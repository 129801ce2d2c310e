-- take-over: the last step of a warm transfer. The colleague who joined a consult takes the call: it
-- becomes the call's agent, on the call (at the head of its list), and the agent who asked leaves it
-- (its wrap-up begins, if it has one). The colleague's note and the transfer are kept on the call as a
-- cold transfer keeps them.
-- ARGV[4] the colleague's agent id, [5] call id
-- Returns {'OK', call} or a refusal: AGENT_NOT_FOUND, AGENT_OFFLINE, CALL_NOT_FOUND, CALL_ENDED,
-- NOT_CONSULTED, CONSULT_NOT_JOINED.
local agentId, id = ARGV[4], ARGV[5]
local c, refusal = consulted_call(agentId, id)
if not c then
  return refusal
end
if c.consultJoined ~= '1' then
  return refuse('CONSULT_NOT_JOINED')
end
local from = c.agentId
redis.call('HDEL', key('call', id), 'consultAgentId', 'consultNote', 'consultJoined', 'consultConnectionId')
redis.call('HDEL', key('agent', agentId), 'consulting')
redis.call('ZREM', key('agent', from, 'callers'), id)
if redis.call('HGET', key('agent', from), 'activeCall') == id then
  redis.call('HDEL', key('agent', from), 'activeCall')
end
rescore_agent(from)
redis.call('HSET', key('call', id), 'agentId', agentId, 'transferredBy', from, 'transferNote', c.consultNote or '')
if c.consultConnectionId then
  redis.call('HSET', key('call', id), 'agentConnectionId', c.consultConnectionId)
else
  redis.call('HDEL', key('call', id), 'agentConnectionId')
end
redis.call('ZADD', key('agent', agentId, 'callers'), 0, id)
redis.call('HSET', key('agent', agentId), 'activeCall', id, 'tick', next_seq())
rescore_agent(agentId)
set_state(id, 'ON_CALL')
emit(id, 'ACCEPTED', { previousAgentId = from, reason = 'transferred' })
start_wrap_up(from)
drain_pending()
return call_reply(id)
