-- expire-unconnected: ends calls whose caller never connected to its session before the deadline.
-- ARGV[4] most calls to end in one run
-- Returns {'OK', number of calls ended}.
local due = redis.call('ZRANGEBYSCORE', key('unconnected'), '-inf', NOW, 'LIMIT', 0, tonumber(ARGV[4]))
local ended = 0
for _, id in ipairs(due) do
  local c = call_of(id)
  if c and c.state ~= 'ENDED' then
    end_call(id, c, 'neverConnected')
    ended = ended + 1
  else
    redis.call('ZREM', key('unconnected'), id)
  end
end
return { 'OK', ended }
