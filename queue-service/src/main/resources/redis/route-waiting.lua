-- route-waiting: gives waiting callers to agents who may take them now but could not when they last
-- looked: backups (skill level 2) may take a caller once it has waited its queue's backup delay, and
-- no change of any agent marks that moment, so each sweep looks.
-- Returns {'OK', number of callers given to agents}.
local before = 0
for _, q in ipairs(QUEUES) do
  before = before + redis.call('ZCARD', key('pending', q))
end
drain_pending()
local after = 0
for _, q in ipairs(QUEUES) do
  after = after + redis.call('ZCARD', key('pending', q))
end
return { 'OK', before - after }
