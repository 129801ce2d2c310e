-- queues: how many agents serving each queue are signed in (online, whatever their state), for the
-- queues callers may choose from. Changes nothing.
-- Returns {'OK', {count for each queue, in configured order}}.
local counts = {}
for i, q in ipairs(QUEUES) do
  counts[i] = redis.call('SCARD', key('serving', q))
end
return { 'OK', counts }
