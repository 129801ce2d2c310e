-- session-monitoring: whether OpenTok's session-monitoring webhooks arrive. Page-confirmed
-- connections that no verified webhook confirmed by their deadline mark the webhooks as missing
-- (missedAt); any verified webhook arriving after that clears it (session-event sets lastWebhookAt).
-- ARGV[4] 'sweep' to move overdue confirmations into missedAt first, 'read' to only read
-- Returns {'OK', overdue calls found now, lastWebhookAt or '', missedAt or '', calls still awaiting}.
local overdue = 0
if ARGV[4] == 'sweep' then
  local due = redis.call('ZRANGEBYSCORE', key('awaiting-webhook'), '-inf', NOW)
  overdue = #due
  if overdue > 0 then
    redis.call('HSET', key('monitoring'), 'missedAt', NOW)
    for _, id in ipairs(due) do
      redis.call('ZREM', key('awaiting-webhook'), id)
    end
  end
end
local state = as_table(redis.call('HGETALL', key('monitoring')))
return { 'OK', overdue, state.lastWebhookAt or '', state.missedAt or '', redis.call('ZCARD', key('awaiting-webhook')) }
