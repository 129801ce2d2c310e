-- expire-unconnected: ends calls whose caller did not connect to its session before the deadline:
-- never (neverConnected), or not again within the grace period after losing its connection
-- (callerDisconnected).
-- ARGV[4] most calls to end in one run
-- Returns {'OK', number of calls ended}.
local due = redis.call('ZRANGEBYSCORE', key('unconnected'), '-inf', NOW, 'LIMIT', 0, tonumber(ARGV[4]))
local ended = 0
for _, id in ipairs(due) do
  local c = call_of(id)
  if c and c.state ~= 'ENDED' then
    end_call(id, c, c.connectionId and 'callerDisconnected' or 'neverConnected')
    ended = ended + 1
  else
    redis.call('ZREM', key('unconnected'), id)
  end
end
return { 'OK', ended }
