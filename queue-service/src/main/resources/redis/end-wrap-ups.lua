-- end-wrap-ups: agents whose wrap-up time is over become AVAILABLE and take waiting calls.
-- Returns {'OK', number of wrap-ups ended}.
local due = redis.call('ZRANGEBYSCORE', key('wrap-ups'), '-inf', NOW)
for _, agentId in ipairs(due) do
  set_agent_state(agentId, 'AVAILABLE')
end
return { 'OK', #due }
