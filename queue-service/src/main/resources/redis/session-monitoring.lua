-- session-monitoring: whether OpenTok's session-monitoring webhooks arrive. A page-confirmed
-- connection that no verified webhook confirmed by its deadline marks the webhooks as missing as of
-- the moment it was confirmed (missedAt); a verified webhook arriving after that moment clears it
-- (session-event sets lastWebhookAt), so confirmations older than the last webhook never raise it.
-- ARGV[4] 'sweep' to move overdue confirmations into missedAt first, 'read' to only read,
-- ARGV[5] the window a confirmation waits for its webhook, in milliseconds
-- Returns {'OK', overdue calls found now, lastWebhookAt or '', missedAt or '', calls still awaiting}.
local overdue = 0
if ARGV[4] == 'sweep' then
  local due = redis.call('ZRANGEBYSCORE', key('awaiting-webhook'), '-inf', NOW, 'WITHSCORES')
  local window = tonumber(ARGV[5])
  local missed = tonumber(redis.call('HGET', key('monitoring'), 'missedAt') or '0')
  for i = 1, #due, 2 do
    redis.call('ZREM', key('awaiting-webhook'), due[i])
    missed = math.max(missed, tonumber(due[i + 1]) - window)
    overdue = overdue + 1
  end
  if overdue > 0 then
    redis.call('HSET', key('monitoring'), 'missedAt', string.format('%.0f', missed))
  end
end
local state = as_table(redis.call('HGETALL', key('monitoring')))
return { 'OK', overdue, state.lastWebhookAt or '', state.missedAt or '', redis.call('ZCARD', key('awaiting-webhook')) }
