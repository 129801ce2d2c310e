-- dial: a caller joins a queue. It goes to the agent serving the queue with the fewest callers (ties:
-- the one assigned longest ago) if that agent has room (primary agents first, see agent_with_room),
-- otherwise it waits in the queue.
-- ARGV[4] call id, [5] name, [6] reason, [7] mode, [8] OpenTok session id,
-- ARGV[9] deadline (epoch ms) for the caller to connect to its session, [10] the queue (configured)
-- Returns {'OK', call} or a refusal: CALL_EXISTS; NOBODY_SIGNED_IN when the queue refuses dials while
-- nobody serving it is signed in, and nobody is.
local id, q = ARGV[4], ARGV[10]
if redis.call('EXISTS', key('call', id)) == 1 then
  return refuse('CALL_EXISTS')
end
if QUEUE[q].refuseEmpty and redis.call('SCARD', key('serving', q)) == 0 then
  return refuse('NOBODY_SIGNED_IN')
end
redis.call('HSET', key('call', id), 'id', id, 'name', ARGV[5], 'reason', ARGV[6], 'mode', ARGV[7], 'queue', q,
  'sessionId', ARGV[8], 'state', 'NEW', 'agentId', '', 'arrival', next_seq(), 'joinedAt', NOW,
  'connected', '0', 'seq', 0)
redis.call('SET', key('session', ARGV[8]), id)
redis.call('SADD', key('live'), id)
redis.call('ZADD', key('unconnected'), ARGV[9], id)
place(id, nil, nil)
return call_reply(id)
