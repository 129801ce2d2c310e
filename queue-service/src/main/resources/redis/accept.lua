-- accept: an agent takes one of its callers, or takes back a call on hold. The agent's current call,
-- if any, goes on hold first, so an agent is on a call with at most one caller. Accepting the call
-- the agent is already on changes nothing. Accepting a call offered to the agent answers the offer.
-- An agent consulted on a colleague's call leaves that consult.
-- ARGV[4] agent id, [5] call id, [6] 'accept' or 'resume' (resume only takes a call on hold)
-- Returns {'OK', call} or a refusal: AGENT_NOT_FOUND, AGENT_OFFLINE, CALL_NOT_FOUND,
-- NOT_YOUR_CALLER, CALL_ENDED, CALL_NOT_ON_HOLD, CALLER_NOT_CONNECTED, CALLER_RECONNECTING (the
-- caller's connection is lost: nobody would be there to talk to).
local agentId, id, verb = ARGV[4], ARGV[5], ARGV[6]
local c, refusal = own_live_call(agentId, id)
if not c then
  return refusal
end
if verb == 'resume' and c.state ~= 'ON_HOLD' then
  return refuse('CALL_NOT_ON_HOLD')
end
if c.state == 'ON_CALL' then
  return call_reply(id)
end
if c.connected ~= '1' then
  return refuse('CALLER_NOT_CONNECTED')
end
if c.reconnectBy then
  return refuse('CALLER_RECONNECTING')
end
-- an agent talks with one caller at a time: taking its own leaves a consult it was in
local consulting = redis.call('HGET', key('agent', agentId), 'consulting')
if consulting then
  end_consult(consulting, 'consultDeclined')
end
local active = redis.call('HGET', key('agent', agentId), 'activeCall')
if active then
  put_on_hold(active, agentId, 'agentSwitched')
end
withdraw_offer(id)
if c.state == 'OFFERED' then
  -- it answered: its missed offers no longer count as in a row
  redis.call('HSET', key('agent', agentId), 'missed', '0')
end
set_state(id, 'ON_CALL')
if not c.callStartedAt then
  redis.call('HSET', key('call', id), 'callStartedAt', NOW)
end
redis.call('HSET', key('agent', agentId), 'activeCall', id)
emit(id, c.state == 'ON_HOLD' and 'RESUMED' or 'ACCEPTED')
if consulting then
  drain_pending()
end
return call_reply(id)
