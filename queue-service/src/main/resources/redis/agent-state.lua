-- agent-state: an online agent says it is AVAILABLE (also: ready, ending its wrap-up early) or AWAY
-- for a reason. Going AWAY gives back the callers it was offered (nobody is there to answer) and
-- keeps the others, unless it also hands back those it has not accepted yet (ASSIGNED): they go to
-- another agent with room or back to the queue by their arrival. Saying the state the agent is
-- already in changes nothing.
-- ARGV[4] agent id, [5] 'AVAILABLE' or 'AWAY', [6] away reason ('' with AVAILABLE),
-- [7] '1' to hand back callers not accepted yet
-- Returns {'OK', agent} or a refusal: AGENT_NOT_FOUND, AGENT_OFFLINE.
local agentId, state, reason, handBack = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local a, refusal = online_agent(agentId)
if not a then
  return refusal
end
local current = a.state or 'AVAILABLE'
if state == 'AVAILABLE' then
  if current ~= 'AVAILABLE' then
    set_agent_state(agentId, 'AVAILABLE')
  end
else
  if current ~= 'AWAY' or a.awayReason ~= reason then
    set_agent_state(agentId, 'AWAY', reason)
  end
  if handBack == '1' then
    hand_back(agentId, { ASSIGNED = true }, 'agentAway')
  end
end
return agent_reply(agentId)
