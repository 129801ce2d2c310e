-- transfer: an agent hands one of its live calls to another agent, or back to the queue.
-- To an agent (cold transfer): the target must be online, AVAILABLE, not consulted and have room; the call is
-- assigned (or offered, if the target answers offers) to it at the head of its list, with the note.
-- To the queue: the call goes to another agent with room (not this one), or waits at its original
-- place; nobody else having room, the next sweep gives it to whoever has room, this agent too.
-- The transferring agent leaves the call; if it had talked on it, its wrap-up begins.
-- ARGV[4] agent id, [5] call id, [6] target agent id ('' = back to the queue), [7] note ('' = none)
-- Returns {'OK', call} or a refusal: AGENT_NOT_FOUND, AGENT_OFFLINE, CALL_NOT_FOUND, NOT_YOUR_CALLER,
-- CALL_ENDED, TRANSFER_TARGET_UNAVAILABLE.
local agentId, id, target, note = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local c, refusal = own_live_call(agentId, id)
if not c then
  return refusal
end
if target ~= '' and (target == agentId or not takes_transfer(target)) then
  return refuse('TRANSFER_TARGET_UNAVAILABLE')
end
-- a colleague consulted on the call is not the one it goes to: the consult ends
end_consult(id, 'consultCancelled')
local talked = c.state == 'ON_CALL' or c.state == 'ON_HOLD'
redis.call('ZREM', key('agent', agentId, 'callers'), id)
if redis.call('HGET', key('agent', agentId), 'activeCall') == id then
  redis.call('HDEL', key('agent', agentId), 'activeCall')
end
rescore_agent(agentId)
redis.call('HSET', key('call', id), 'agentId', '', 'transferredBy', agentId, 'transferNote', note)
if target ~= '' then
  withdraw_offer(id)
  assign(id, target, { previousAgentId = agentId, reason = 'transferred' })
  -- the head of the target's list: before its callers by arrival
  redis.call('ZADD', key('agent', target, 'callers'), 0, id)
else
  place(id, agentId, 'transferredToQueue', agentId)
end
if talked then
  start_wrap_up(agentId)
end
drain_pending()
return call_reply(id)
