-- dial: a caller joins. It goes to the online agent with the fewest callers (ties: the one assigned
-- longest ago) if that agent has room, otherwise it waits in the pending queue.
-- ARGV[4] call id, [5] name, [6] reason, [7] mode, [8] OpenTok session id,
-- ARGV[9] deadline (epoch ms) for the caller to connect to its session
-- Returns {'OK', call} or {'CALL_EXISTS'}.
local id = ARGV[4]
if redis.call('EXISTS', key('call', id)) == 1 then
  return refuse('CALL_EXISTS')
end
redis.call('HSET', key('call', id), 'id', id, 'name', ARGV[5], 'reason', ARGV[6], 'mode', ARGV[7],
  'sessionId', ARGV[8], 'state', 'NEW', 'agentId', '', 'arrival', next_seq(), 'joinedAt', NOW,
  'connected', '0', 'seq', 0)
redis.call('SET', key('session', ARGV[8]), id)
redis.call('SADD', key('live'), id)
redis.call('ZADD', key('unconnected'), ARGV[9], id)
place(id, nil, nil)
return call_reply(id)
