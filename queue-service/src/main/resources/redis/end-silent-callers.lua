-- end-silent-callers: ends the calls whose caller page has not been heard from for the caller grace
-- period and whose connection no webhook reports as live: with neither a heartbeat nor a live
-- connection, the caller is gone (its page closed while webhooks do not arrive).
-- ARGV[4] caller grace period in milliseconds, [5] most calls to end in one run
-- Returns {'OK', number of calls ended}.
local silent = redis.call('ZRANGEBYSCORE', key('callers', 'seen'), '-inf', NOW - tonumber(ARGV[4]),
  'LIMIT', 0, tonumber(ARGV[5]))
local ended = 0
for _, id in ipairs(silent) do
  redis.call('ZREM', key('callers', 'seen'), id)
  local c = call_of(id)
  if c and c.state ~= 'ENDED' and not c.webhookConnectionId then
    end_call(id, c, 'callerDisconnected')
    ended = ended + 1
  end
end
return { 'OK', ended }
