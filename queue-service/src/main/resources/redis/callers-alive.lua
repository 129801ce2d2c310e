-- callers-alive: the gateway reports the calls whose caller page has its event stream open, so a
-- caller whose page is gone leaves the queue even when no webhook says so (end-silent-callers).
-- ARGV[4..#ARGV-1] call ids (the last argument is the trace, see lib.lua)
-- Returns {'OK', number of live calls recorded}.
local recorded = 0
for i = 4, #ARGV - 1 do
  if redis.call('SISMEMBER', key('live'), ARGV[i]) == 1 then
    redis.call('ZADD', key('callers', 'seen'), NOW, ARGV[i])
    recorded = recorded + 1
  end
end
return { 'OK', recorded }
