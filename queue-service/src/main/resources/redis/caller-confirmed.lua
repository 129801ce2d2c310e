-- caller-confirmed: the caller's own page says it is connected to its session on a connection, for
-- OpenTok projects whose session-monitoring webhooks do not arrive (callback URL not set, wrong,
-- or signed with another secret). It counts as the caller being connected, exactly as the webhook
-- would (the same connection told by both counts once); until a verified webhook confirms the same
-- connection, the call waits in awaiting-webhook, which is how missing webhooks are noticed.
-- Webhooks stay the authority for disconnects.
-- ARGV[4] call id, [5] connection id, [6] how long to wait for the webhook, in milliseconds
-- Returns {'OK', call} or {'CALL_NOT_FOUND'} or {'CALL_ENDED'}.
local id, connectionId = ARGV[4], ARGV[5]
local c = call_of(id)
if not c then
  return refuse('CALL_NOT_FOUND')
end
if c.state == 'ENDED' then
  return refuse('CALL_ENDED')
end
caller_connected(id, c, connectionId)
-- the page is there now: from here on its silence (no reports of its open stream) can end the call
redis.call('ZADD', key('callers', 'seen'), 'NX', NOW, id)
if c.webhookConnectionId ~= connectionId then
  redis.call('ZADD', key('awaiting-webhook'), 'NX', NOW + tonumber(ARGV[6]), id)
end
return call_reply(id)
