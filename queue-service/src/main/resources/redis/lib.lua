-- lib.lua: definitions every call-center script starts with (CallScripts prepends this file).
--
-- KEYS[1]    the key space: the namespace as a hash tag, for example "{main}" (QueueProperties.keySpace).
--            Every key is KEYS[1] .. ":" .. suffix;
--            the {hash tag} keeps them in one Redis Cluster slot, so one script may touch them all.
-- ARGV[1]    now, epoch milliseconds
-- ARGV[2]    max callers per agent, 0 for no cap
-- ARGV[3]    seconds an ended call stays readable
-- ARGV[4..]  the script's own arguments
-- ARGV[#ARGV-1] the queues, in their configured order: 'id,priority,backupMs,refuse,overflowMs,overflowTo'
--            each, ';'-separated (refuse is 1 when the queue refuses dials while nobody serving it is
--            signed in; after overflowMs (0: never) its callers may go to overflowTo's primaries too); the
--            first takes calls that name no queue or a queue no longer configured
-- ARGV[#ARGV] last of all, the W3C traceparent of the request (or Kafka record, or sweep) that runs
--            the script, '' outside a trace: each outbox entry keeps it, so that OutboxRelay sends
--            the event within that trace and its consumers continue it
--
-- Keys under KEYS[1]:
--   seq                  counter: arrival order of callers and assignment order of agents
--   call:<id>            hash: one call (caller's name, reason, mode, queue, sessionId, state, stateSince,
--                        agentId, connectionId, webhookConnectionId (the caller's connection as the
--                        webhooks know it), reconnectBy while the caller's connection is lost,
--                        offerUntil (ms) while OFFERED, outcome and notes (the agent's),
--                        transferredBy and transferNote (the last transfer's), agentConnectionId
--                        (its agent's OpenTok connection, as the webhooks told it), talkMs and holdMs
--                        (ms spent ON_CALL and ON_HOLD before the current state); while the call's agent
--                        consults a colleague: consultAgentId, consultNote (for the colleague),
--                        consultJoined ('1' once the colleague joined the session), consultConnectionId
--                        (the colleague's OpenTok connection, as the webhooks told it), ...)
--   call:<id>:chat       list: the call's chat messages, oldest first, each JSON {seq, from, name, text,
--                        at (ms, a string)}; kept as long as the call
--   session:<sessionId>  string: the call that owns an OpenTok session
--   live                 set: calls not ENDED
--   pending:<queue>      zset: the queue's waiting calls, score = arrival (earlier arrivals first)
--   queue-version:<queue> counter: the moves of the queue's `pending` that changed some waiting
--                        call's place (see queue_move), so that pages follow their place from pushed
--                        moves
--   handle-time          hash: averageMs (recency-weighted mean of the talk + hold time of calls an
--                        agent took, updated as each ends: record_handle_time), calls (how many went
--                        into it); absent until the first such call ended
--   unconnected          zset: calls whose caller is not connected (never yet, or lost within the
--                        grace period), score = deadline ms after which the call ends
--   callers:seen         zset: calls whose caller page has an open event stream, score = last
--                        heartbeat ms (the gateway reports open streams)
--   awaiting-webhook     zset: calls whose page confirmed a connection that no verified webhook has
--                        confirmed yet, score = deadline ms (kept after the call ends: a call that
--                        ended quickly without its webhook still tells that webhooks are missing)
--   monitoring           hash: lastWebhookAt (a verified session webhook arrived), missedAt (a
--                        page-confirmed connection got no webhook in time)
--   agent:<id>           hash: id, displayName, online, tick (order of last assignment), activeCall,
--                        seq (its last agent event), and while online: state (AVAILABLE, AWAY or
--                        WRAP_UP; absent in hashes written before states existed: AVAILABLE),
--                        stateSince (ms), awayReason while AWAY, wrapUpUntil (ms) while WRAP_UP,
--                        wrapUpMs (the agent's wrap-up time, set when it goes online; 0 = none),
--                        offerMs (how long it has to answer an offer, set when it goes online;
--                        0 = callers are assigned, not offered), maxMissed (offers it may miss
--                        in a row before it is made AWAY; 0 = never), missed (offers missed in a row),
--                        consulting (the call a colleague asked it to join, while it is consulted),
--                        skills (the queues it serves: 'queue:level' pairs, comma-separated; level 1
--                        is primary, 2 backup)
--   agent:<id>:callers   zset: calls assigned to the agent, score = arrival (0 for a call transferred to
--                        it: the head of its list)
--   agents               zset: the AVAILABLE agents not being consulted (the only ones given new callers),
--                        score = load * 2^32 + tick (least load, then idle longest)
--   skill:<queue>:<level> zset: the members of `agents` that serve the queue at that level, same score
--   serving:<queue>      set: the online agents that serve the queue (at any level)
--   wrap-ups             zset: agents in WRAP_UP, score = wrapUpUntil (the sweep ends them then)
--   offers               zset: OFFERED calls, score = offerUntil (the sweep takes them back then)
--   agents:seen          zset: online agents, score = last heartbeat ms
--   agents:known         set: every agent that was ever online
--   outbox               stream: one entry per call or agent event (field kind; field trace, the
--                        change's traceparent), relayed to Kafka by OutboxRelay
--   seen-event:<id>      string with a TTL: a session event already applied
--
-- The session pool's keys, named by QueueKeys and used only by session-pool-take.lua,
-- session-pool-add.lua, session-pool-refill.lua and SessionPool (none of them prefixed with this
-- file):
--   session-pool         zset: OpenTok sessions created ahead of demand that no call owns yet,
--                        score = epoch ms the entry was begun; a dial takes one with ZPOPMIN (one
--                        atomic step, so each goes to one dial), older ones than the max age are
--                        dropped unused
--   session-pool:entry:<sessionId> hash with a TTL: the rest of that session's pool entry, made
--                        ahead like it: callId (a call id no call has yet), apiKey, token (the
--                        caller's OpenTok token for the session, whose connection data names that
--                        call id), expiresAt (epoch ms), usableUntil (epoch ms: begun + the max
--                        age the token was made for); added, taken and dropped with its member
--   session-pool:refiller string with a TTL: the instance that refills the pool (a lease)
--   session-pool:dials:<n> counter with a TTL: dials in demand window n (epoch ms / window), which
--                        size the pool
--
-- Invariant every script keeps: a live call is in its queue's `pending` xor in exactly one online agent's
-- `callers`; its hash's agentId names that agent (empty while pending); `agents` holds exactly the
-- online agents whose state is AVAILABLE and who are not consulted, `skill:<queue>:<level>` exactly those of them
-- with that skill and `serving:<queue>` the online agents with the queue's skill, and the load part of each one's score equals ZCARD of its
-- `callers`; `wrap-ups` holds exactly the online agents in WRAP_UP, `offers` exactly the OFFERED calls
-- (each offered to one agent only: the agent whose `callers` hold it); an agent's activeCall, if any, is
-- one of its callers and the only one of them ON_CALL; no call waits while an AVAILABLE agent serving
-- its queue at a level it may take it at (primary; backup once it has waited the queue's backup delay;
-- a primary of the queue it overflows to once it has waited the overflow time: the sweep notices these
-- moments) has room; a call is only ever given by routing to an agent with its queue's skill
-- (a transfer to a named agent is the agent's choice); a call is only ever assigned to an AVAILABLE agent (an AWAY or WRAP_UP agent keeps
-- the callers it has, an offline one has none). A call has a consultAgentId only while it is ON_CALL or
-- ON_HOLD with its agent, naming another online agent whose `consulting` names the call (and an agent's
-- `consulting` names such a call): an agent is consulted on one call at a time and takes no new callers
-- meanwhile.
-- A session id in `session-pool` has no `session:<sessionId>` (no call owns it) and its entry's
-- call id no `call:<id>`, and a call's session and call id were handed out once: from the pool to
-- that dial, or made for it.

local KS = KEYS[1]
local NOW = tonumber(ARGV[1])
local CAP = tonumber(ARGV[2])
local RETENTION = tonumber(ARGV[3])
local TRACE = ARGV[#ARGV]
local TWO32 = 4294967296

-- The queues (ARGV[#ARGV-1]): QUEUES their ids in configured order, QUEUE[id] their rules.
local QUEUES = {}
local QUEUE = {}
for spec in string.gmatch(ARGV[#ARGV - 1], '[^;]+') do
  local id, priority, backupMs, refuse, overflowMs, overflowTo =
    string.match(spec, '^([^,]+),(%d+),(%d+),([01]),(%d+),([^,]*)$')
  table.insert(QUEUES, id)
  QUEUE[id] = { priority = tonumber(priority), backupMs = tonumber(backupMs), refuseEmpty = refuse == '1',
    overflowMs = tonumber(overflowMs), overflowTo = overflowTo }
end

local function key(...)
  return KS .. ':' .. table.concat({ ... }, ':')
end

local function as_table(flat)
  local t = {}
  for i = 1, #flat, 2 do
    t[flat[i]] = flat[i + 1]
  end
  return t
end

local function call_of(id)
  local c = as_table(redis.call('HGETALL', key('call', id)))
  if c.state == nil then
    return nil
  end
  return c
end

local function agent_of(agentId)
  local a = as_table(redis.call('HGETALL', key('agent', agentId)))
  if a.id == nil then
    return nil
  end
  return a
end

local function next_seq()
  return redis.call('INCR', key('seq'))
end

local function refuse(code)
  return { code }
end

-- The queue a call waits in: its own, or the first for a call whose queue is not configured (any
-- more), so that no call is stranded by a change of settings.
local function queue_of(id)
  local q = redis.call('HGET', key('call', id), 'queue')
  if q and QUEUE[q] then
    return q
  end
  return QUEUES[1]
end

-- An agent's skills: a list of {queue, level} for the configured queues it serves.
local function skills_of(agentId)
  local skills = {}
  local written = redis.call('HGET', key('agent', agentId), 'skills') or ''
  for q, level in string.gmatch(written, '([^,:]+):(%d)') do
    if QUEUE[q] then
      table.insert(skills, { q, tonumber(level) })
    end
  end
  return skills
end

-- How long the call has been waiting for an agent since it dialed (a caller back in line keeps it).
local function waited_of(id)
  return NOW - tonumber(redis.call('HGET', key('call', id), 'joinedAt') or NOW)
end

local function call_reply(id)
  local flat = redis.call('HGETALL', key('call', id))
  local q = queue_of(id)
  local rank = redis.call('ZRANK', key('pending', q), id)
  if rank then
    table.insert(flat, 'position')
    table.insert(flat, tostring(rank + 1))
    -- read in the same step as the position: the page applies pushed moves numbered after it
    table.insert(flat, 'queueVersion')
    table.insert(flat, redis.call('GET', key('queue-version', q)) or '0')
  end
  -- the agents who could take this call: those serving its queue
  table.insert(flat, 'agentsOnline')
  table.insert(flat, tostring(redis.call('SCARD', key('serving', q))))
  local names = redis.call('HMGET', key('call', id), 'agentId', 'consultAgentId')
  for i, field in ipairs({ 'agentName', 'consultAgentName' }) do
    if names[i] and names[i] ~= '' then
      table.insert(flat, field)
      table.insert(flat, redis.call('HGET', key('agent', names[i]), 'displayName') or '')
    end
  end
  return { 'OK', flat }
end

local function agent_reply(agentId)
  local flat = redis.call('HGETALL', key('agent', agentId))
  table.insert(flat, 'load')
  table.insert(flat, tostring(redis.call('ZCARD', key('agent', agentId, 'callers'))))
  return { 'OK', flat }
end

-- An online agent's state; hashes written before states existed have none and were AVAILABLE.
local function agent_state(agentId)
  return redis.call('HGET', key('agent', agentId), 'state') or 'AVAILABLE'
end

-- Takes an agent out of `agents` and of its skills' lists: it is given no callers.
local function unlist_agent(agentId)
  redis.call('ZREM', key('agents'), agentId)
  for _, skill in ipairs(skills_of(agentId)) do
    redis.call('ZREM', key('skill', skill[1], skill[2]), agentId)
  end
end

-- Puts an online agent in `agents` and its skills' lists by its load if it is AVAILABLE and not
-- consulted on a call, takes it out otherwise: the one place that decides who can be given callers.
local function rescore_agent(agentId)
  if agent_state(agentId) ~= 'AVAILABLE' or redis.call('HEXISTS', key('agent', agentId), 'consulting') == 1 then
    unlist_agent(agentId)
    return
  end
  local tick = tonumber(redis.call('HGET', key('agent', agentId), 'tick'))
  local load = redis.call('ZCARD', key('agent', agentId, 'callers'))
  local score = string.format('%.0f', load * TWO32 + tick)
  redis.call('ZADD', key('agents'), score, agentId)
  for _, skill in ipairs(skills_of(agentId)) do
    redis.call('ZADD', key('skill', skill[1], skill[2]), score, agentId)
  end
end

-- Gives an agent its skills (written as agent-online takes them), leaving the lists of the ones it
-- loses; an online agent is listed again under the new ones.
local function set_skills(agentId, written)
  unlist_agent(agentId)
  for _, skill in ipairs(skills_of(agentId)) do
    redis.call('SREM', key('serving', skill[1]), agentId)
  end
  redis.call('HSET', key('agent', agentId), 'skills', written)
  if redis.call('HGET', key('agent', agentId), 'online') == '1' then
    for _, skill in ipairs(skills_of(agentId)) do
      redis.call('SADD', key('serving', skill[1]), agentId)
    end
    rescore_agent(agentId)
  end
end

-- Every change of a call's state goes through here, so the time it entered the state is always known,
-- and the time it spent talking (ON_CALL) and on hold (ON_HOLD) adds up in talkMs and holdMs.
local SPENT = { ON_CALL = 'talkMs', ON_HOLD = 'holdMs' }
local function set_state(id, state, ...)
  local was = redis.call('HMGET', key('call', id), 'state', 'stateSince')
  local spent = SPENT[was[1]]
  if spent and was[2] then
    redis.call('HINCRBY', key('call', id), spent, NOW - tonumber(was[2]))
  end
  redis.call('HSET', key('call', id), 'state', state, 'stateSince', NOW, ...)
end

-- Appends the call's new state to the outbox in the same atomic step as the change itself.
-- opts.reason is a CallEventReason wire name (contracts); ScriptReasonsTest keeps the scripts to them.
-- opts.move, from join_pending or leave_pending, says how the change moved waiting callers' places.
local function emit(id, type, opts)
  opts = opts or {}
  local seq = redis.call('HINCRBY', key('call', id), 'seq', 1)
  local c = call_of(id)
  local move = opts.move or {}
  redis.call('XADD', key('outbox'), '*',
    'callId', id, 'seq', seq, 'type', type, 'state', c.state, 'agentId', c.agentId,
    'outcome', c.outcome or '', 'notes', c.notes or '',
    'previousAgentId', opts.previousAgentId or '', 'sessionId', c.sessionId,
    'connected', c.connected, 'reason', opts.reason or '',
    'queueChanged', opts.queueChanged and '1' or '0',
    'moveVersion', move.version or '', 'moveArrival', move.arrival or '', 'moveJoined', move.joined and '1' or '0',
    'message', opts.message or '', 'consultAgentId', opts.consultAgentId or c.consultAgentId or '',
    'queue', queue_of(id), 'at', NOW, 'trace', TRACE)
end

-- A waiting call's place is 1 + the number of calls waiting in its queue that arrived before it, so a
-- call joining or leaving its queue's `pending` changes the places of exactly the calls behind it in
-- that queue, by one each. A move with calls behind it gets the queue's next version; one with nobody
-- behind it (a new caller at the end of the line, the last one leaving) changes no place and gets none.
-- Pages add up the numbered moves of their queue's calls that arrived before them (QueueMove in
-- contracts). O(log n): one ZRANK.
local function queue_move(id, q, joined)
  local rank = redis.call('ZRANK', key('pending', q), id)
  if redis.call('ZCARD', key('pending', q)) - rank - 1 == 0 then
    return nil
  end
  return {
    version = redis.call('INCR', key('queue-version', q)),
    arrival = redis.call('HGET', key('call', id), 'arrival'),
    joined = joined
  }
end

-- Puts a call in its queue by its arrival; returns its move (or nil).
local function join_pending(id)
  local q = queue_of(id)
  redis.call('ZADD', key('pending', q), redis.call('HGET', key('call', id), 'arrival'), id)
  return queue_move(id, q, true)
end

-- Takes a call out of its queue if it is there; returns its move (or nil).
local function leave_pending(id)
  local q = queue_of(id)
  if not redis.call('ZSCORE', key('pending', q), id) then
    return nil
  end
  local move = queue_move(id, q, false)
  redis.call('ZREM', key('pending', q), id)
  return move
end

-- The agents serving callers: online and AVAILABLE (with room or not) or in WRAP_UP (back soon); not
-- AWAY. An AVAILABLE agent a colleague asked to join a call is out of `agents` for that moment and so
-- not counted. Callers' pages divide the line among them to estimate a wait. O(1).
local function agents_serving()
  return redis.call('ZCARD', key('agents')) + redis.call('ZCARD', key('wrap-ups'))
end

-- The same per queue, for its callers' pages: by queue id {online = the agents signed in who serve it
-- (at any level, in any state), serving = those of them AVAILABLE and not consulted, or in WRAP_UP};
-- only queue `only`, if given. O(queues + agents in wrap-up).
local function queue_agents(only)
  local wrapping = {}
  for _, agentId in ipairs(redis.call('ZRANGE', key('wrap-ups'), 0, -1)) do
    for _, skill in ipairs(skills_of(agentId)) do
      wrapping[skill[1]] = (wrapping[skill[1]] or 0) + 1
    end
  end
  local figures = {}
  for _, q in ipairs(only and { only } or QUEUES) do
    figures[q] = {
      online = redis.call('SCARD', key('serving', q)),
      serving = redis.call('ZCARD', key('skill', q, 1)) + redis.call('ZCARD', key('skill', q, 2)) + (wrapping[q] or 0)
    }
  end
  return figures
end

-- Appends an agent's presence or state change to the outbox, numbered per agent, with the state it
-- leaves the agent in; agentsOnline lets pages say whether anyone is there to take a call without
-- reading the queue again (`agents:seen` holds exactly the online agents), and queueAgents the same
-- per queue ('queue:online:serving', comma-separated: queue_agents), for each caller's own queue.
local function emit_agent(agentId, type, reason)
  local a = as_table(redis.call('HGETALL', key('agent', agentId)))
  local seq = redis.call('HINCRBY', key('agent', agentId), 'seq', 1)
  local perQueue = {}
  local figures = queue_agents()
  for _, q in ipairs(QUEUES) do
    table.insert(perQueue, q .. ':' .. figures[q].online .. ':' .. figures[q].serving)
  end
  redis.call('XADD', key('outbox'), '*', 'kind', 'agent', 'agentId', agentId, 'seq', seq, 'type', type,
    'reason', reason or '', 'agentsOnline', redis.call('ZCARD', key('agents', 'seen')),
    'agentsAvailable', redis.call('ZCARD', key('agents')), 'agentsServing', agents_serving(),
    'state', a.online == '1' and (a.state or 'AVAILABLE') or 'OFFLINE',
    'awayReason', a.awayReason or '', 'wrapUpUntil', a.wrapUpUntil or '',
    'queueAgents', table.concat(perQueue, ','), 'at', NOW, 'trace', TRACE)
end

-- The first agent of a skill list (the least loaded, ties: assigned longest ago) other than
-- `excluded`, if it has room; else nil: if it has none, nobody in the list has. O(log n).
local function top_with_room(list, excluded)
  local top = redis.call('ZRANGE', list, 0, excluded and 1 or 0, 'WITHSCORES')
  for i = 1, #top, 2 do
    if top[i] ~= excluded then
      if CAP <= 0 or math.floor(tonumber(top[i + 1]) / TWO32) < CAP then
        return top[i]
      end
      return nil
    end
  end
  return nil
end

-- The agent waiting call `id` of queue q goes to, and the queue it takes it as; or nil: the top agent
-- with room among q's primaries; else, once the call has waited q's backup delay, among its backups
-- (level 2), as tiered routing does; else, once it has waited q's overflow time, among the primaries
-- of q's overflow queue, who take it as a caller of their own queue that arrived when it did. Passes
-- over `excluded` (an agent that just declined or missed the call), if given. How long the call has
-- waited is read only when a primary cannot take it.
local function agent_with_room(q, id, excluded)
  local rule = QUEUE[q]
  local agentId = top_with_room(key('skill', q, 1), excluded)
  if agentId then
    return agentId, q
  end
  local waited = waited_of(id)
  if waited >= rule.backupMs then
    agentId = top_with_room(key('skill', q, 2), excluded)
    if agentId then
      return agentId, q
    end
  end
  if rule.overflowMs > 0 and QUEUE[rule.overflowTo] and waited >= rule.overflowMs then
    agentId = top_with_room(key('skill', rule.overflowTo, 1), excluded)
    if agentId then
      return agentId, rule.overflowTo
    end
  end
  return nil
end

-- A call leaves the offered state (accepted, declined, timed out, moved or ended).
local function withdraw_offer(id)
  redis.call('ZREM', key('offers'), id)
  redis.call('HDEL', key('call', id), 'offerUntil')
end

-- Whether a transfer may give a caller to the agent: online, AVAILABLE, not consulted, with room.
local function takes_transfer(agentId)
  local a = agent_of(agentId)
  return a ~= nil and a.online == '1' and (a.state or 'AVAILABLE') == 'AVAILABLE' and not a.consulting
    and (CAP <= 0 or redis.call('ZCARD', key('agent', agentId, 'callers')) < CAP)
end

-- Ends the call's consult, if it has one: the colleague leaves the call (told by CONSULT_ENDED) and
-- may take callers again, so whoever calls this lets waiting callers drain afterwards.
local function end_consult(id, reason)
  local colleague = redis.call('HGET', key('call', id), 'consultAgentId')
  if not colleague then
    return
  end
  redis.call('HDEL', key('call', id), 'consultAgentId', 'consultNote', 'consultJoined', 'consultConnectionId')
  redis.call('HDEL', key('agent', colleague), 'consulting')
  if redis.call('HGET', key('agent', colleague), 'online') == '1' then
    rescore_agent(colleague)
  end
  emit(id, 'CONSULT_ENDED', { reason = reason, consultAgentId = colleague })
end

-- Gives the call to the agent: offered, if the agent answers offers, or else assigned. The previous
-- agent's OpenTok connection, if one was on record, is not this agent's.
local function assign(id, agentId, opts)
  redis.call('HDEL', key('call', id), 'agentConnectionId')
  local arrival = redis.call('HGET', key('call', id), 'arrival')
  redis.call('ZADD', key('agent', agentId, 'callers'), arrival, id)
  local offerMs = tonumber(redis.call('HGET', key('agent', agentId), 'offerMs') or '0')
  if offerMs > 0 then
    local offerUntil = string.format('%.0f', NOW + offerMs)
    set_state(id, 'OFFERED', 'agentId', agentId, 'offerUntil', offerUntil)
    redis.call('ZADD', key('offers'), offerUntil, id)
  else
    set_state(id, 'ASSIGNED', 'agentId', agentId)
  end
  redis.call('HSET', key('agent', agentId), 'tick', next_seq())
  rescore_agent(agentId)
  emit(id, offerMs > 0 and 'OFFERED' or 'ASSIGNED', opts)
end

-- Gives a live call that is nowhere to the agent with room (other than `excluded`, if given), or
-- queues it by its arrival, so a caller coming back from an agent who left waits ahead of everyone
-- who dialed after it.
local function place(id, previousAgentId, reason, excluded)
  withdraw_offer(id)
  redis.call('HDEL', key('call', id), 'agentConnectionId')
  local agentId = agent_with_room(queue_of(id), id, excluded)
  if agentId then
    assign(id, agentId, { previousAgentId = previousAgentId, reason = reason })
  else
    local move = join_pending(id)
    set_state(id, 'WAITING', 'agentId', '')
    emit(id, 'QUEUED', { previousAgentId = previousAgentId, reason = reason, queueChanged = true, move = move })
  end
end

-- Hands waiting calls to agents while any who may take them has room: of the queues' first callers
-- that someone can take, the one of the highest priority queue (an overflowed caller counts as one of
-- the queue it overflows to), then the longest waiting (lowest arrival). Within a queue the first
-- caller has waited longest, so if nobody can take it nobody can take the others. O(queues) per
-- caller handed.
local function drain_pending()
  while true do
    local best, bestAgent, bestPriority, bestArrival
    for _, q in ipairs(QUEUES) do
      local head = redis.call('ZRANGE', key('pending', q), 0, 0, 'WITHSCORES')
      if head[1] then
        local agentId, as = agent_with_room(q, head[1])
        if agentId then
          local priority, arrival = QUEUE[as].priority, tonumber(head[2])
          if not best or priority > bestPriority or (priority == bestPriority and arrival < bestArrival) then
            best, bestAgent, bestPriority, bestArrival = head[1], agentId, priority, arrival
          end
        end
      end
    end
    if not best then
      return
    end
    assign(best, bestAgent, { queueChanged = true, move = leave_pending(best) })
  end
end

-- Hands waiting calls to one agent while it is AVAILABLE with room: of the first callers of the queues
-- it may take callers from (those it serves as a primary; as a backup, once their first caller has
-- waited the backup delay; queues overflowing into one it serves as a primary, once their first caller
-- has waited the overflow time), the one of the highest priority queue, then the longest waiting.
-- Enough, instead of drain_pending, when this agent is the only one that gained room: nobody else could
-- take a waiting caller before (the invariant), and nobody else can now. O(its skills) per caller.
local function drain_agent(agentId)
  local skills = skills_of(agentId)
  local primary = {}
  for _, skill in ipairs(skills) do
    if skill[2] == 1 then
      primary[skill[1]] = true
    end
  end
  while redis.call('ZSCORE', key('agents'), agentId)
    and (CAP <= 0 or redis.call('ZCARD', key('agent', agentId, 'callers')) < CAP) do
    local best, bestPriority, bestArrival
    local function consider(q, as, minimumWait)
      local head = redis.call('ZRANGE', key('pending', q), 0, 0, 'WITHSCORES')
      if not head[1] then
        return
      end
      local priority, arrival = QUEUE[as].priority, tonumber(head[2])
      if best and (priority < bestPriority or (priority == bestPriority and arrival > bestArrival)) then
        return
      end
      if minimumWait > 0 and waited_of(head[1]) < minimumWait then
        return
      end
      best, bestPriority, bestArrival = head[1], priority, arrival
    end
    for _, skill in ipairs(skills) do
      consider(skill[1], skill[1], skill[2] == 1 and 0 or QUEUE[skill[1]].backupMs)
    end
    for _, q in ipairs(QUEUES) do
      local rule = QUEUE[q]
      if rule.overflowMs > 0 and primary[rule.overflowTo] and not primary[q] then
        consider(q, rule.overflowTo, rule.overflowMs)
      end
    end
    if not best then
      return
    end
    assign(best, agentId, { queueChanged = true, move = leave_pending(best) })
  end
end

-- Every change of an online agent's state goes through here: it keeps `agents` and `wrap-ups` to the
-- state, tells it on the agent events, and lets an agent that becomes AVAILABLE take waiting calls.
-- awayReason only with AWAY, wrapUpUntil (ms) only with WRAP_UP.
-- Takes from an agent the callers in the given states (a set: {OFFERED = true, ...}) and gives them
-- to other agents with room, or back to the queue by their arrival.
local function hand_back(agentId, states, reason)
  for _, id in ipairs(redis.call('ZRANGE', key('agent', agentId, 'callers'), 0, -1)) do
    if states[redis.call('HGET', key('call', id), 'state')] then
      redis.call('ZREM', key('agent', agentId, 'callers'), id)
      redis.call('HSET', key('call', id), 'agentId', '')
      place(id, agentId, reason, agentId)
    end
  end
end

local function set_agent_state(agentId, state, awayReason, wrapUpUntil)
  local k = key('agent', agentId)
  redis.call('HSET', k, 'state', state, 'stateSince', NOW)
  if awayReason then
    redis.call('HSET', k, 'awayReason', awayReason)
  else
    redis.call('HDEL', k, 'awayReason')
  end
  if wrapUpUntil then
    redis.call('HSET', k, 'wrapUpUntil', string.format('%.0f', wrapUpUntil))
    redis.call('ZADD', key('wrap-ups'), string.format('%.0f', wrapUpUntil), agentId)
  else
    redis.call('HDEL', k, 'wrapUpUntil')
    redis.call('ZREM', key('wrap-ups'), agentId)
  end
  rescore_agent(agentId)
  emit_agent(agentId, 'STATE_CHANGED')
  if state == 'AVAILABLE' then
    drain_agent(agentId)
  elseif state == 'AWAY' then
    -- nobody is there to answer what it was offered
    hand_back(agentId, { OFFERED = true }, 'agentAway')
  end
end

-- After a call it talked on ends, an online agent with a wrap-up time takes no new callers for that
-- long (a later call's end starts it again); an AWAY agent stays AWAY.
local function start_wrap_up(agentId)
  local a = agent_of(agentId)
  local wrapUpMs = tonumber(a.wrapUpMs or '0')
  if a.online ~= '1' or wrapUpMs <= 0 or a.state == 'AWAY' then
    return
  end
  set_agent_state(agentId, 'WRAP_UP', nil, NOW + wrapUpMs)
end

-- A call an agent took has ended: its talk + hold time goes into the recency-weighted average handle
-- time (an exponentially weighted mean: each call counts HANDLE_WEIGHT, the average before it the
-- rest, so the last ten calls or so make most of it and a shift of the kind of calls shows within
-- minutes). The first call is the average. Callers' pages estimate their wait from it.
local HANDLE_WEIGHT = 0.2
local function record_handle_time(id)
  local spent = redis.call('HMGET', key('call', id), 'talkMs', 'holdMs')
  local handled = tonumber(spent[1] or '0') + tonumber(spent[2] or '0')
  local before = tonumber(redis.call('HGET', key('handle-time'), 'averageMs') or '')
  local average = before and (before + HANDLE_WEIGHT * (handled - before)) or handled
  redis.call('HSET', key('handle-time'), 'averageMs', string.format('%.0f', average))
  redis.call('HINCRBY', key('handle-time'), 'calls', 1)
end

local function end_call(id, c, reason)
  end_consult(id, reason)
  local move = leave_pending(id)
  withdraw_offer(id)
  local talked = c.agentId ~= '' and (c.state == 'ON_CALL' or c.state == 'ON_HOLD')
  if c.agentId ~= '' then
    redis.call('ZREM', key('agent', c.agentId, 'callers'), id)
    if redis.call('HGET', key('agent', c.agentId), 'activeCall') == id then
      redis.call('HDEL', key('agent', c.agentId), 'activeCall')
    end
    if redis.call('HGET', key('agent', c.agentId), 'online') == '1' then
      rescore_agent(c.agentId)
    end
  end
  redis.call('ZREM', key('unconnected'), id)
  redis.call('ZREM', key('callers', 'seen'), id)
  redis.call('SREM', key('live'), id)
  redis.call('HDEL', key('call', id), 'reconnectBy')
  set_state(id, 'ENDED', 'endReason', reason, 'endedAt', NOW)
  if talked then
    record_handle_time(id)
  end
  emit(id, 'ENDED', { reason = reason, queueChanged = c.state == 'WAITING', move = move })
  redis.call('EXPIRE', key('call', id), RETENTION)
  redis.call('EXPIRE', key('call', id, 'chat'), RETENTION)
  redis.call('EXPIRE', key('session', c.sessionId), RETENTION)
  if talked then
    start_wrap_up(c.agentId)
  end
  -- only its agent, and a colleague its consult let go, can have gained room
  if c.agentId ~= '' then
    drain_agent(c.agentId)
  end
  if c.consultAgentId then
    drain_agent(c.consultAgentId)
  end
end

-- The caller is connected on connectionId (told by a webhook or by its own page). The newest
-- connection is the caller's; one that brings back a caller whose connection was lost, or the
-- first one, is announced. The same connection told twice changes nothing.
local function caller_connected(id, c, connectionId)
  if c.connectionId == connectionId then
    return
  end
  local back = c.reconnectBy ~= nil
  redis.call('HSET', key('call', id), 'connected', '1', 'connectionId', connectionId)
  redis.call('HDEL', key('call', id), 'reconnectBy')
  redis.call('ZREM', key('unconnected'), id)
  if not c.connectionId or back then
    emit(id, 'CALLER_CONNECTED')
  end
end

local function go_offline(agentId, reason)
  local consulting = redis.call('HGET', key('agent', agentId), 'consulting')
  if consulting then
    end_consult(consulting, reason)
  end
  unlist_agent(agentId)
  for _, skill in ipairs(skills_of(agentId)) do
    redis.call('SREM', key('serving', skill[1]), agentId)
  end
  redis.call('ZREM', key('agents', 'seen'), agentId)
  redis.call('ZREM', key('wrap-ups'), agentId)
  redis.call('HSET', key('agent', agentId), 'online', '0', 'stateSince', NOW)
  redis.call('HDEL', key('agent', agentId), 'activeCall', 'state', 'awayReason', 'wrapUpUntil')
  emit_agent(agentId, 'OFFLINE', reason)
  local callers = redis.call('ZRANGE', key('agent', agentId, 'callers'), 0, -1)
  redis.call('DEL', key('agent', agentId, 'callers'))
  for _, id in ipairs(callers) do
    end_consult(id, reason)
    redis.call('HSET', key('call', id), 'agentId', '')
    place(id, agentId, reason)
  end
  -- a colleague it consulted is free again
  drain_pending()
end

local function put_on_hold(id, agentId, reason)
  set_state(id, 'ON_HOLD')
  if redis.call('HGET', key('agent', agentId), 'activeCall') == id then
    redis.call('HDEL', key('agent', agentId), 'activeCall')
  end
  emit(id, 'HELD', { reason = reason })
end

-- Checks an agent is online; returns the agent, or nil and the refusal.
local function online_agent(agentId)
  local a = agent_of(agentId)
  if not a then
    return nil, refuse('AGENT_NOT_FOUND')
  end
  if a.online ~= '1' then
    return nil, refuse('AGENT_OFFLINE')
  end
  return a, nil
end

-- Checks an agent may act on a call; returns the call, or nil and the refusal.
local function own_call(agentId, id)
  local a, refusal = online_agent(agentId)
  if not a then
    return nil, refusal
  end
  local c = call_of(id)
  if not c then
    return nil, refuse('CALL_NOT_FOUND')
  end
  if c.agentId ~= agentId then
    return nil, refuse('NOT_YOUR_CALLER')
  end
  return c, nil
end

-- Checks an agent may act on a call that has not ended; returns the call, or nil and the refusal.
local function own_live_call(agentId, id)
  local c, refusal = own_call(agentId, id)
  if c and c.state == 'ENDED' then
    return nil, refuse('CALL_ENDED')
  end
  return c, refusal
end

-- Checks an agent is the colleague consulted on a call that has not ended; returns the call, or nil
-- and the refusal.
local function consulted_call(agentId, id)
  local a, refusal = online_agent(agentId)
  if not a then
    return nil, refusal
  end
  local c = call_of(id)
  if not c then
    return nil, refuse('CALL_NOT_FOUND')
  end
  if c.state == 'ENDED' then
    return nil, refuse('CALL_ENDED')
  end
  if c.consultAgentId ~= agentId then
    return nil, refuse('NOT_CONSULTED')
  end
  return c, nil
end

-- end of lib.lua
