-- session-event: applies an OpenTok connection event to the call that owns the session.
-- A caller's connectionCreated makes it visible to its agent. The caller's connectionDestroyed
-- starts a grace period (a reload, a network blip): the call keeps its place and state, and ends
-- only if the caller has not connected again when it runs out (expire-unconnected ends it); with a
-- grace period of 0 it ends at once. An agent's connectionDestroyed puts the call on hold; a consulted
-- colleague's ends the consult. A
-- repeated event id changes nothing; an event about another connection than the one on record
-- (stale, or out of order) changes nothing.
-- ARGV[4] event id, [5] CONNECTION_CREATED or CONNECTION_DESTROYED, [6] session id,
-- ARGV[7] connection id, [8] user type (caller, agent), [9] user id, [10] seconds to remember event ids,
-- ARGV[11] caller grace period in milliseconds
-- Returns {'APPLIED'}, {'IGNORED'}, {'DUPLICATE'} or {'UNKNOWN_SESSION'}.
local eventId, eventType, sessionId, connectionId, userType, userId =
  ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9]
-- whatever it says, a verified webhook arrived: session monitoring works
redis.call('HSET', key('monitoring'), 'lastWebhookAt', NOW)
if not redis.call('SET', key('seen-event', eventId), '1', 'NX', 'EX', ARGV[10]) then
  return { 'DUPLICATE' }
end
local id = redis.call('GET', key('session', sessionId))
if not id then
  return { 'UNKNOWN_SESSION' }
end
local created = eventType == 'CONNECTION_CREATED'
if created and userType == 'caller' and userId == id then
  -- the webhook a page-confirmed connection waited for came, even if the call ended meanwhile
  redis.call('ZREM', key('awaiting-webhook'), id)
end
local c = call_of(id)
if not c or c.state == 'ENDED' then
  return { 'IGNORED' }
end

if userType == 'caller' and userId == id then
  local known = c.connectionId
  if created then
    redis.call('HSET', key('call', id), 'webhookConnectionId', connectionId)
    caller_connected(id, c, connectionId)
    return { 'APPLIED' }
  end
  if c.webhookConnectionId == connectionId then
    redis.call('HDEL', key('call', id), 'webhookConnectionId')
  end
  if not known or known == connectionId then
    local grace = tonumber(ARGV[11])
    if not known or grace <= 0 then
      end_call(id, c, 'callerDisconnected')
    elseif not c.reconnectBy then
      redis.call('HSET', key('call', id), 'reconnectBy', NOW + grace)
      redis.call('ZADD', key('unconnected'), NOW + grace, id)
      emit(id, 'CALLER_DISCONNECTED')
    end
    return { 'APPLIED' }
  end
elseif userType == 'agent' and userId == c.consultAgentId then
  -- the colleague consulted on the call: its connection is kept for when it takes the call over; its
  -- console leaving the session ends the consult
  if created then
    redis.call('HSET', key('call', id), 'consultConnectionId', connectionId)
    return { 'APPLIED' }
  end
  if c.consultConnectionId == connectionId then
    end_consult(id, 'agentDisconnected')
    drain_pending()
    return { 'APPLIED' }
  end
elseif userType == 'agent' and userId == c.agentId then
  if created then
    redis.call('HSET', key('call', id), 'agentConnectionId', connectionId)
    return { 'APPLIED' }
  end
  local known = c.agentConnectionId
  if c.state == 'ON_CALL' and (not known or known == connectionId) then
    redis.call('HDEL', key('call', id), 'agentConnectionId')
    put_on_hold(id, userId, 'agentDisconnected')
    return { 'APPLIED' }
  end
end
return { 'IGNORED' }
