-- consult-end: a consult ends before the take-over: the call's agent cancels it, or the colleague
-- declines or leaves. The colleague takes callers again. The call's agent ending a consult there is
-- none of changes nothing.
-- ARGV[4] agent id (the call's agent or the colleague), [5] call id
-- Returns {'OK', call} or a refusal: AGENT_NOT_FOUND, AGENT_OFFLINE, CALL_NOT_FOUND, CALL_ENDED,
-- NOT_CONSULTED (neither the call's agent nor its colleague).
local agentId, id = ARGV[4], ARGV[5]
local a, refusal = online_agent(agentId)
if not a then
  return refusal
end
local c = call_of(id)
if not c then
  return refuse('CALL_NOT_FOUND')
end
if c.state == 'ENDED' then
  return refuse('CALL_ENDED')
end
if c.agentId == agentId then
  end_consult(id, 'consultCancelled')
elseif c.consultAgentId == agentId then
  end_consult(id, 'consultDeclined')
else
  return refuse('NOT_CONSULTED')
end
drain_pending()
return call_reply(id)
