/* The agent console: go online, see your callers live, accept (switching puts the current call on
   hold), hold, resume, end, sign out. Updates arrive by server-sent events; all user text is set
   with textContent.

   The agent's state (AVAILABLE, AWAY with a reason, WRAP_UP, OFFLINE) comes from the Agent the
   server answers on going online or changing state, and from `presence` events (every console of
   the agent hears them); only AVAILABLE agents get new callers. After a call this agent had taken
   ends, the wrap-up panel lets the agent record its outcome and notes; in WRAP_UP it also counts
   down to the end of wrap-up and offers "Ready".

   An agent may have several consoles open (two browsers signed in as the same agent). They all show
   the same callers, updated by push, but the media of a call (camera, microphone, the caller's
   video) lives in one console only: the one that last accepted or resumed it. The others show
   "Talking with Ann in another console" and offer "Take the call here". Hand-over without overlap:
   the newest console connected to the call's OpenTok session wins; an older one that sees it leaves
   at once, and the newer one publishes only when no other connection of this agent is left.

   Routing by offers: a caller OFFERED to this agent rings (a tone made here with WebAudio, the title
   flashing, a notification if allowed) with Accept and Decline and a countdown to the offer's end,
   until it is answered or the offer goes (timed out, moved, the caller left), which is then said on
   the page. Offers missed in a row make the server set the agent away (reason missed-offers): the
   console says why and how to come back. */
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var BADGES = { WAITING: 'Waiting', ASSIGNED: 'Waiting', OFFERED: 'Ringing', ON_CALL: 'On call', ON_HOLD: 'On hold' };
  var TIMERS = { WAITING: 'Waiting', ASSIGNED: 'Waiting', OFFERED: 'Waiting', ON_CALL: 'On call', ON_HOLD: 'On hold' };
  var MISSED_OFFERS = 'missed-offers'; // the away reason the server gives for offers missed in a row
  var BASE_TITLE = document.title;

  var profile = null;        // {agentId, displayName}
  var events = null;         // the agent's EventSource
  var callers = [];          // the list as last read
  var CONSULT_NOTE_MS = 15000; // how long "Bob declined to join" stays on the card
  var listed = false;        // the list has been read at least once
  var listSeq = 0;           // counts list reads; a read begun before a change must not undo it
  var cards = {};            // card elements by call id
  var known = {};            // call ids seen in the list before, to tell a new caller
  var lastChange = {};       // the last pushed change per call id ({state, reason, agentId}): why a call went away
  var busy = {};             // call ids with an action in flight
  var media = null;          // the call whose media lives in this console: see joinCall
  var note = null;           // what last happened to this console's media: {callId, name, text, state, listSeq}
  var offlineByUser = false; // signed out in another window: stay offline until "Go online" is pressed
  var signingOut = false;
  var unseen = 0;            // new callers since the agent last looked
  var alertKind = null;      // what the alert shows: 'connection' trouble or a refused 'action'
  var onlineTimer = null;
  var refreshTimer = null;
  var workflow = { awayReasons: [], outcomes: [] }; // the choices the server configures
  var workflowRead = false;
  var queueNames = null;     // display name by queue id (GET /api/queues); null until read
  var queueCount = 0;        // how many queues there are: with one, no card names its queue
  var agentState = null;     // {state, awayReason, since, wrapUpUntil}, the newest known
  var changingState = false; // a state change in flight
  var taken = {};            // name by call id of this agent's callers it took (on call or on hold)
  var wrapUp = null;         // the call whose outcome and notes the panel records: {callId, name, saved}
  var savingNotes = false;
  var WRAP_UP_KEY = 'callcenter.agent.wrapUp';
  var offers = {};           // the offers ringing here by call id: {name, until}
  var offerNotes = {};       // the notification shown for each offer ringing, by call id
  var missedInRow = 0;       // offers this console saw time out since the agent last answered one
  var ringTimer = null;      // repeats the ring while any offer rings
  var ringTones = [];        // the tones of the ring now sounding, to silence them on answer
  var flashes = 0;           // ticks of the flashing title

  loadProfile();
  restoreWrapUp();
  setInterval(renderTimers, 1000);

  // --- wiring ----------------------------------------------------------------------------------

  $('callers').addEventListener('click', function (event) {
    var button = event.target.closest('button[data-action]');
    if (!button) return;
    act(button.closest('.card').dataset.callId, button.dataset.action);
  });

  // "Take the call here" asks for the call again: the server answers fresh credentials for a
  // call already on call, and this console's newer connection takes the media over.
  $('take-here-button').addEventListener('click', function () {
    var call = elsewhere();
    if (call) act(call.id, 'accept');
  });

  $('state-select').addEventListener('change', renderStateForm);

  $('state-form').addEventListener('submit', function (event) {
    event.preventDefault();
    acknowledge();
    if ($('state-select').value === 'AWAY') {
      changeState({ state: 'AWAY', reason: $('away-reason').value, handBack: $('hand-back').checked });
    } else {
      changeState({ state: 'AVAILABLE' });
    }
  });

  $('wrap-up').addEventListener('submit', function (event) {
    event.preventDefault();
    acknowledge();
    saveNotes();
  });

  // "Ready" ends wrap-up early and closes the panel, unless it holds notes not saved yet. When
  // wrap-up ends by itself, the panel stays: the agent may still save or close it.
  $('ready-button').addEventListener('click', function () {
    acknowledge();
    changeState({ state: 'AVAILABLE' }, function () {
      if (!notesTyped()) {
        forgetWrapUp();
        renderWrapUp();
      }
    });
  });

  $('wrap-up-close-button').addEventListener('click', function () {
    forgetWrapUp();
    renderWrapUp();
  });

  $('wrap-up-notes').addEventListener('input', function () { $('wrap-up-saved').hidden = true; });
  $('wrap-up-outcome').addEventListener('change', function () { $('wrap-up-saved').hidden = true; });

  $('go-online-button').addEventListener('click', function () {
    acknowledge();
    goOnline(true);
  });

  $('agent-mute-button').addEventListener('click', function () {
    var m = media;
    if (!m || !m.publisher) return;
    m.muted = !m.muted;
    CallCenter.quietly(function () { m.publisher.publishAudio(!m.muted); });
    renderStage();
  });

  $('agent-camera-button').addEventListener('click', function () {
    var m = media;
    if (!m || !m.publisher) return;
    m.cameraOff = !m.cameraOff;
    CallCenter.quietly(function () { m.publisher.publishVideo(!m.cameraOff); });
    renderStage();
  });

  $('exit-form').addEventListener('submit', function (event) {
    event.preventDefault();
    if (signingOut) return;
    signingOut = true;
    if (events) events.close(); // nothing more to hear once signing out
    events = null;
    leaveMedia(null);
    var form = $('exit-form');
    var submit = function () { form.submit(); };
    CallCenter.api('DELETE', '/api/agent').then(submit, submit);
  });

  // A new caller changes the title until the agent looks at the console or does something.
  window.addEventListener('focus', acknowledge);
  document.addEventListener('keydown', acknowledge, true);
  document.addEventListener('click', acknowledge, true);

  // Browsers only let a page ask for notifications after a gesture: ask on the first click.
  document.addEventListener('click', function askOnce() {
    document.removeEventListener('click', askOnce, true);
    try {
      if ('Notification' in window && Notification.permission === 'default') {
        var asked = Notification.requestPermission();
        if (asked && asked.catch) asked.catch(function () { /* no notifications then */ });
      }
    } catch (unsupported) {
      // an old browser: the title and the sound still tell
    }
  }, true);

  // --- online, live updates ------------------------------------------------------------------

  function loadProfile() {
    CallCenter.api('GET', '/api/agent/profile').then(function (found) {
      profile = found;
      $('agent-name').textContent = found.displayName || found.agentId;
      $('dashboard-link').hidden = !found.supervisor;
      clearAlert('connection');
      loadWorkflow();
      listen();
    }).catch(function (problem) {
      showAlert(troubleText(problem), 'connection');
      setTimeout(loadProfile, 3000);
    });
  }

  // Going online happens each time the live stream (re)connects, so an agent whose console was
  // away long enough to be taken offline is back online as soon as the console is; except after
  // signing out in another window, which this console respects until "Go online" is pressed.
  function listen() {
    var source = new EventSource('/api/agent/events');
    events = source;
    source.addEventListener('ready', function () { chat.reread(); }); // pushed while reconnecting: missed
    source.addEventListener('ready', function () {
      clearAlert('connection');
      if (!workflowRead) loadWorkflow();
      if (!queueNames) loadQueues();
      if (offlineByUser) {
        refresh();
      } else {
        goOnline(false);
      }
    });
    source.addEventListener('callers', function (event) {
      if (chat.pushed(parseJson(event.data))) return; // a chat message changes nothing else of the call
      remember(event.data);
      refresh();
    });
    source.addEventListener('callers', function (event) { transferNews(parseJson(event.data)); });
    source.addEventListener('callers', function (event) { consultNews(parseJson(event.data)); });
    source.addEventListener('callers', function (event) { myFigures.pushed(parseJson(event.data)); });
    source.addEventListener('ready', function () { myFigures.reread(); });
    source.addEventListener('presence', function (event) {
      presence(parseJson(event.data));
    });
    // Whether OpenTok's session-monitoring webhooks arrive: calls still work without them (callers
    // confirm their own connections), but an operator has to fix the project, so every agent sees it.
    source.addEventListener('monitoring', function (event) {
      var notice = parseJson(event.data) || {};
      var banner = $('monitoring-banner');
      banner.hidden = notice.callbacksArriving !== false;
      // the agent needs to know whom to tell; the operator's details are one hover away
      banner.textContent = notice.callbacksArriving === false
        ? 'Session monitoring callbacks are not arriving. Calls still work; please tell your administrator.'
        : '';
      banner.title = notice.problem || '';
    });
    source.addEventListener('error', function () {
      if (source !== events || signingOut) return;
      showAlert('Connection trouble: retrying…', 'connection');
      if (source.readyState === EventSource.CLOSED) {
        // the stream was refused (signed out, or the gateway is down): find out which, then listen again
        events = null;
        setTimeout(function () { if (!signingOut) loadProfile(); }, 3000);
      }
    });
  }

  function goOnline(pressed) {
    clearTimeout(onlineTimer);
    CallCenter.api('PUT', '/api/agent', { body: { displayName: profile.displayName } }).then(function (agent) {
      offlineByUser = false;
      applyAgent(agent);
      $('offline').hidden = true;
      clearAlert('connection');
      if (pressed) clearAlert('action');
      refresh();
      readConsult();
    }).catch(function (problem) {
      if (problem.network || problem.status >= 500) {
        showAlert(troubleText(problem), 'connection');
        onlineTimer = setTimeout(function () { if (!offlineByUser || pressed) goOnline(pressed); }, 2000);
      } else {
        showAlert(CallCenter.problemText(problem), 'action');
      }
    });
  }

  function presence(change) {
    if (!change || (change.agentId && profile && change.agentId !== profile.agentId)) return;
    applyState({
      state: change.type === 'OFFLINE' ? 'OFFLINE' : (change.state || 'AVAILABLE'),
      awayReason: change.awayReason || null,
      since: change.stateSince || change.occurredAt,
      wrapUpUntil: change.wrapUpUntil || null
    });
    if (change.type === 'OFFLINE' && change.reason === 'agentLoggedOut') {
      offlineByUser = true;
      clearTimeout(onlineTimer);
      leaveMedia(null);
      $('offline').hidden = false;
      announce('You are offline: you signed out in another window.');
      renderStage();
      refresh();
    } else if (change.type === 'OFFLINE') {
      // the server lost track of this console (heartbeatLost), which is obviously still here
      if (!offlineByUser) goOnline(false);
    } else if (change.type === 'ONLINE') {
      offlineByUser = false;
      $('offline').hidden = true;
      refresh();
    }
  }

  function remember(data) {
    var change = parseJson(data);
    if (change && change.callId) {
      lastChange[change.callId] = { state: change.state, reason: change.reason, agentId: change.agentId };
      offerMoved(change);
    }
  }

  var refresh = CallCenter.coalesce(function () {
    var seq = ++listSeq;
    return CallCenter.api('GET', '/api/agent/callers').then(function (list) {
      clearAlert('connection');
      apply(Array.isArray(list) ? list : [], seq);
    }).catch(function (problem) {
      showAlert(troubleText(problem), 'connection');
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(refresh, 3000);
    });
  });

  function apply(list, seq) {
    // an offer rings (noticeOffers); other new callers chime once
    var arrivals = listed ? list.filter(function (call) { return !known[call.id] && call.state !== 'OFFERED'; }) : [];
    list.forEach(function (call) { known[call.id] = true; });
    noticeEnds(list);
    callers = list;
    listed = true;
    reconcile(seq);
    render();
    noticeOffers(list);
    if (arrivals.length) newCallers(arrivals);
  }

  // The list is the truth: media held here for a call that is no longer on call is let go, and
  // the stage says why.
  function reconcile(seq) {
    var m = media;
    if (m && !m.consult && seq > m.listSeq) { // a consult's call is not in the list: consult events end it
      var call = find(m.callId);
      if (call && call.state === 'ON_CALL') {
        m.name = call.name;
      } else {
        leaveMedia(departure(call, m.callId, m.name), stateOf(call));
      }
    }
    if (note && seq > note.listSeq) {
      var noted = find(note.callId);
      if (stateOf(noted) !== note.state) {
        // The call moved on since the note. A note written while it was still on call (handed
        // over, connection lost) gives way to what happened next; any other note is just stale.
        note = note.state === 'ON_CALL'
          ? { callId: note.callId, name: note.name, text: departure(noted, note.callId, note.name), state: stateOf(noted), listSeq: seq }
          : null;
      }
    }
  }

  // an ended call is as good as gone from the list
  function stateOf(call) {
    return (call && call.state !== 'ENDED') ? call.state : 'gone';
  }

  // Why a call is no longer on call, for the stage: "Ann is on hold", "Call with Ann ended", ...
  function departure(call, callId, name) {
    if (call && call.state === 'ON_HOLD') return name + ' is on hold';
    var change = lastChange[callId] || {};
    var reason = (call && call.endReason) || change.reason;
    if (reason === 'agentEnded') return 'Call with ' + name + ' ended';
    if (!call && change.state !== 'ENDED' && change.agentId && profile && change.agentId !== profile.agentId) {
      return name + ' was moved to another agent';
    }
    if (call && call.state !== 'ENDED') return 'The call with ' + name + ' was interrupted';
    return name + ' left the call';
  }

  // --- actions -------------------------------------------------------------------------------

  // A refused action changes nothing here: it only shows why, in the alert region.
  function act(callId, action) {
    if (busy[callId]) return;
    var call = find(callId);
    var name = call ? call.name : 'The caller';
    busy[callId] = true;
    acknowledge();
    renderRinging(); // an answered offer stops ringing at once
    CallCenter.api('POST', '/api/agent/callers/' + encodeURIComponent(callId) + '/' + action).then(function (answer) {
      var joins = action === 'accept' || action === 'resume';
      var joined = joins && answer && (answer.call || call);
      if (joins && !(joined && joined.id && answer.session)) {
        throw new Error('The call center answered without a video session. Please try again.');
      }
      clearAlert('action');
      if (joins) {
        taken[joined.id] = joined.name || name;
        joinCall(joined, answer.session);
      } else if (media && media.callId === callId) {
        if (action === 'hold') {
          leaveMedia(name + ' is on hold', 'ON_HOLD');
        } else {
          leaveMedia('Call with ' + name + ' ended', 'gone');
        }
      }
      if (action === 'decline' && offers[callId]) offerGone(callId, null, 'offerDeclined');
      if (action === 'end' && (taken[callId] || (call && (call.state === 'ON_CALL' || call.state === 'ON_HOLD')))) {
        delete taken[callId];
        callEnded(callId, name);
      }
    }).catch(function (problem) {
      showAlert(CallCenter.problemText(problem, { name: call ? call.name : null }), 'action');
    }).then(function () {
      delete busy[callId];
      renderRinging();
      refresh();
    });
  }

  // --- media ---------------------------------------------------------------------------------

  // Connects to the call's session. Other connections of this agent present when connecting are
  // older consoles: wait until they are gone before publishing or subscribing. A connection of this
  // agent that is newer than this one takes the call over: leave at once.
  function joinCall(call, credentials) {
    leaveMedia(null); // the server put the previous call on hold
    var m = {
      callId: call.id, name: call.name, credentials: credentials, listSeq: listSeq, rejoins: 0,
      session: null, connecting: false, connected: false, active: false,
      others: {}, gone: {},   // this agent's other connections present, and those seen leaving
      publisher: null, publishing: false, audioOnly: false, blocked: null, muted: false, cameraOff: false,
      callerStream: null, subscribed: null, dropped: false
    };
    media = m;
    render();
    CallCenter.loadOpenTok().then(function () {
      if (media !== m) return;
      var session = OT.initSession(credentials.apiKey, credentials.sessionId);
      m.session = session;
      session.on({
        connectionCreated: function (event) { if (media === m) connectionSeen(m, event.connection); },
        connectionDestroyed: function (event) { if (media === m) connectionGone(m, event.connection); },
        streamCreated: function (event) {
          if (media !== m) return;
          var from = who(event.stream.connection);
          if (from.userType !== 'agent') callerStreamCreated(m, event.stream);
          else if (profile && from.userId !== profile.agentId) colleagueStreamCreated(m, event.stream);
        },
        streamDestroyed: function (event) {
          if (media === m && m.callerStream && event.stream.streamId === m.callerStream.streamId) callerStreamDestroyed(m);
          if (media === m && m.colleagueStream && event.stream.streamId === m.colleagueStream.streamId) colleagueStreamDestroyed(m);
        },
        streamPropertyChanged: function () { if (media === m) renderStage(); },
        sessionDisconnected: function () { if (media === m) sessionLost(m); }
      });
      connect(m, 1);
    }).catch(function (error) {
      if (media !== m) return;
      leaveMedia('Could not start the video for the call with ' + m.name, 'ON_CALL');
      showAlert('The video could not be started: ' + error.message + '. Press "Take the call here" to try again.', 'action');
    });
    return m;
  }

  function connect(m, attempt) {
    m.connecting = true;
    m.session.connect(m.credentials.token, function (error) {
      m.connecting = false;
      if (media !== m) {
        // left while connecting: disconnect now that the connection is complete
        if (!error) CallCenter.quietly(function () { m.session.disconnect(); });
        return;
      }
      if (error) {
        if (attempt < 3) {
          setTimeout(function () { if (media === m) connect(m, attempt + 1); }, 1000 * attempt);
          return;
        }
        leaveMedia('Could not connect to the call with ' + m.name, 'ON_CALL');
        showAlert('Could not connect to the call with ' + m.name + ': ' + error.message
          + '. Press "Take the call here" to try again.', 'action');
        return;
      }
      m.connected = true;
      var mine = m.session.connection;
      if (mine) delete m.others[mine.connectionId];
      var ids = Object.keys(m.others);
      for (var i = 0; i < ids.length; i++) {
        if (newer(m, m.others[ids[i]])) {
          handOver(m);
          return;
        }
      }
      if (ids.length === 0) {
        activate(m);
      } else {
        renderStage();
      }
    });
  }

  function connectionSeen(m, connection) {
    if (!isMyOtherConsole(m, connection) || m.gone[connection.connectionId]) return;
    if (m.connected && newer(m, connection)) {
      handOver(m);
      return;
    }
    m.others[connection.connectionId] = connection;
    renderStage();
  }

  function connectionGone(m, connection) {
    var id = connection.connectionId;
    m.gone[id] = true; // it may be reported gone before the connect that lists it as present
    if (!m.others[id]) return;
    delete m.others[id];
    if (m.connected && !m.active && Object.keys(m.others).length === 0) activate(m);
  }

  // The token's connection data: {"userId": agent id or call id, "userType": "agent" | "caller"}.
  function who(connection) {
    try {
      var data = JSON.parse(connection && connection.data);
      return (data && typeof data === 'object') ? data : {};
    } catch (notJson) {
      return {};
    }
  }

  function isMyOtherConsole(m, connection) {
    if (!connection || !profile) return false;
    var data = who(connection);
    if (data.userType !== 'agent' || data.userId !== profile.agentId) return false;
    var mine = m.session && m.session.connection;
    return !(mine && mine.connectionId === connection.connectionId);
  }

  // Whether another connection of this agent came after this console's own. Without creation times
  // to compare, one reported after connecting is the newer.
  function newer(m, other) {
    var mine = m.session && m.session.connection;
    if (!mine || typeof other.creationTime !== 'number' || typeof mine.creationTime !== 'number') return m.connected;
    if (other.creationTime !== mine.creationTime) return other.creationTime > mine.creationTime;
    return String(other.connectionId) > String(mine.connectionId);
  }

  function handOver(m) {
    leaveMedia('This call continues in another of your consoles', 'ON_CALL');
  }

  function activate(m) {
    m.active = true;
    publish(m, true);
    subscribeCaller(m);
    subscribeColleague(m);
    renderStage();
  }

  // A blocked camera leaves the agent on the microphone alone; the caller is subscribed to regardless.
  function publish(m, withVideo) {
    CallCenter.publish(m.session, withVideo, {
      props: function (video) {
        return {
          insertMode: 'append', width: '100%', height: '100%', name: profile ? profile.displayName : '',
          resolution: '640x480', frameRate: 15,
          videoSource: video ? undefined : null, publishVideo: video, publishAudio: true
        };
      },
      adopt: function (p) { m.publisher = p; },
      isCurrent: function (p) { return media === m && m.publisher === p; },
      published: function () {
        m.publishing = true;
        if (m.blocked) {
          showAlert('Your camera or microphone is blocked: ' + m.blocked + '. You are on the call with your '
            + 'microphone only: ' + m.name + ' hears you but cannot see you.', 'action');
        }
        renderStage();
      },
      failed: function (error, kind) {
        m.publisher = null;
        m.publishing = false;
        var reason = CallCenter.describeMediaError(error);
        if (kind === 'camera') {
          m.audioOnly = true;
          m.blocked = reason;
          showAlert('Your camera or microphone is blocked: ' + reason + '. Trying your microphone alone…', 'action');
        } else if (kind === 'devices') {
          showAlert('Your camera or microphone is blocked: ' + reason + '. ' + m.name + ' can neither see nor hear '
            + "you. Allow them in your browser's site settings, then reload this console.", 'action');
        } else {
          showAlert('Could not send your video to ' + m.name + ': ' + error.message, 'action');
        }
        renderStage();
      }
    });
  }

  function callerStreamCreated(m, stream) {
    var wasDropped = m.dropped;
    m.callerStream = stream;
    m.dropped = false;
    subscribeCaller(m);
    renderStage();
    if (wasDropped) announce(m.name + ' is back');
  }

  function callerStreamDestroyed(m) {
    m.callerStream = null;
    m.subscribed = null;
    m.dropped = true; // the call may go on: a caller whose connection dropped has a grace period
    renderStage();
    announce(m.name + "'s connection dropped");
  }

  function subscribeCaller(m) {
    var stream = m.callerStream;
    if (!m.active || !stream || m.subscribed === stream.streamId) return;
    m.subscribed = stream.streamId;
    try {
      m.session.subscribe(stream, 'caller-video', { insertMode: 'append', width: '100%', height: '100%' }, function (error) {
        if (error && media === m) showAlert('Could not show ' + m.name + "'s video: " + error.message, 'action');
      });
    } catch (error) {
      showAlert('Could not show ' + m.name + "'s video: " + error.message, 'action');
    }
  }

  // The session dropped without this console leaving it (a network blip): join again with the same
  // credentials while the call is still on call here.
  function sessionLost(m) {
    leaveMedia('Lost the connection to the call with ' + m.name, 'ON_CALL');
    var attempt = m.rejoins + 1;
    if (attempt > 3) return;
    setTimeout(function () {
      var call = find(m.callId);
      if (media || offlineByUser || signingOut || !call || call.state !== 'ON_CALL') return;
      joinCall(call, m.credentials).rejoins = attempt;
    }, 1000 * attempt);
  }

  // Leaves the session: unpublish and release the camera and microphone (publisher.destroy()),
  // disconnect, clear the stage. text says why on the stage (none when the agent moved on);
  // state is what the call's state is expected to be while that note holds.
  function leaveMedia(text, state) {
    var m = media;
    if (!m) return;
    media = null;
    note = text ? { callId: m.callId, name: m.name, text: text, state: state || 'gone', listSeq: listSeq } : null;
    var p = m.publisher;
    m.publisher = null;
    if (p) CallCenter.quietly(function () { p.destroy(); });
    // a session still connecting is disconnected by its connect callback
    if (m.session && !m.connecting) CallCenter.quietly(function () { m.session.disconnect(); });
    $('caller-video').replaceChildren();
    $('self-video').replaceChildren();
    clearColleagueTile();
    if (text) announce(text);
    render();
  }

  // --- rendering -----------------------------------------------------------------------------

  function render() {
    renderCards();
    renderStage();
    renderChat();
    renderActivity();
  }

  // Beside the state (which says whether new callers come): what the agent is doing now.
  function renderActivity() {
    var talking = callers.filter(function (call) { return call.state === 'ON_CALL'; })[0];
    var held = callers.filter(function (call) { return call.state === 'ON_HOLD'; });
    setText($('state-activity'), talking ? '· on a call with ' + talking.name
      : held.length ? '· ' + (held.length === 1 ? held[0].name + ' on hold' : held.length + ' callers on hold') : '');
  }

  // In place, keyed by call id, so that focus on a card's button survives updates.
  function renderCards() {
    var list = $('callers');
    var wanted = {};
    callers.forEach(function (call) { wanted[call.id] = true; });
    Object.keys(cards).forEach(function (id) {
      if (!wanted[id]) {
        cards[id].remove();
        delete cards[id];
      }
    });
    callers.forEach(function (call, index) {
      var card = cards[call.id];
      if (!card) {
        card = $('caller-card').content.firstElementChild.cloneNode(true);
        card.dataset.callId = call.id;
        cards[call.id] = card;
      }
      fillCard(card, call);
      fillTransfer(card, call);
      fillConsult(card, call);
      var at = list.children[index] || null;
      if (at !== card) list.insertBefore(card, at);
    });
    $('no-callers').hidden = !listed || callers.length > 0;
    renderTimers();
    renderTransferDialog();
  }

  function fillCard(card, call) {
    var part = function (selector) { return card.querySelector(selector); };
    setText(part('.name'), call.name);
    setText(part('.reason'), call.reason || 'No reason given');
    var badge = part('.badge');
    setText(badge, BADGES[call.state] || call.state);
    badge.className = 'badge ' + call.state;
    setText(part('.media'), call.mode === 'audioOnly' ? 'Audio only' : 'Video');
    var queue = queueLabel(call);
    part('.queue-part').hidden = !queue;
    setText(part('.queue-name'), queue);
    var timer = part('.timer');
    timer.dataset.since = call.stateSince || call.joinedAt || '';
    timer.dataset.label = TIMERS[call.state] || '';
    fillCallTimes(part('.call-times'), call);
    part('.reconnecting').hidden = !call.reconnectBy;
    var here = !!media && media.callId === call.id;
    card.classList.toggle('active', call.state === 'ON_CALL');
    part('.elsewhere').hidden = !(call.state === 'ON_CALL' && !here);
    var offered = call.state === 'OFFERED';
    card.classList.toggle('ringing', offered);
    var countdown = part('.offer-countdown');
    countdown.hidden = !(offered && call.offerUntil);
    if (offered && call.offerUntil) {
      countdown.dataset.until = String(millis(call.offerUntil));
    } else {
      delete countdown.dataset.until;
    }
    // an offer is answered (Accept, Decline), not ended
    var buttons = {
      accept: call.state === 'ASSIGNED' || offered,
      decline: offered,
      hold: call.state === 'ON_CALL',
      resume: call.state === 'ON_HOLD',
      end: !offered
    };
    Object.keys(buttons).forEach(function (action) {
      var button = part('[data-action=' + action + ']');
      button.hidden = !buttons[action];
      // "Accept" alone is ambiguous to a screen reader going through the buttons: say whom
      var label = button.textContent + ' ' + call.name;
      if (button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label);
    });
  }

  // A call taken (on call, on hold) shows how long it has been talked and held in all: talkMs and
  // holdMs are what it spent ON_CALL and ON_HOLD before its current state, whose own share is counted
  // from stateSince here. Hold time shows once the call has been held. A server that does not send
  // talkMs shows none (the state's timer alone would be a wrong total after a hold).
  function fillCallTimes(times, call) {
    var talked = (call.state === 'ON_CALL' || call.state === 'ON_HOLD') && typeof call.talkMs === 'number';
    times.hidden = !talked;
    if (!talked) {
      delete times.dataset.state;
      return;
    }
    times.dataset.state = call.state;
    times.dataset.talkMs = String(call.talkMs);
    times.dataset.holdMs = String(typeof call.holdMs === 'number' ? call.holdMs : 0);
    times.dataset.since = String(millis(call.stateSince || Date.now()));
  }

  function renderCallTimes(times) {
    if (!times.dataset.state) return;
    var current = Math.max(0, Date.now() - Number(times.dataset.since));
    var talk = Number(times.dataset.talkMs) + (times.dataset.state === 'ON_CALL' ? current : 0);
    var hold = Number(times.dataset.holdMs) + (times.dataset.state === 'ON_HOLD' ? current : 0);
    setText(times.querySelector('.talk-time'), 'Talk ' + CallCenter.duration(talk));
    var held = times.querySelector('.hold-time');
    held.hidden = !(hold > 0 || times.dataset.state === 'ON_HOLD');
    setText(held, held.hidden ? '' : ' · Hold ' + CallCenter.duration(hold));
  }

  function renderTimers() {
    renderStateTimers();
    Object.keys(cards).forEach(function (id) {
      var timer = cards[id].querySelector('.timer');
      setText(timer, (timer.dataset.label ? timer.dataset.label + ' ' : '') + CallCenter.elapsed(timer.dataset.since));
      renderCallTimes(cards[id].querySelector('.call-times'));
      var countdown = cards[id].querySelector('.offer-countdown');
      if (countdown.dataset.until) {
        var left = Math.max(0, Math.ceil((Number(countdown.dataset.until) - Date.now()) / 1000));
        setText(countdown, left > 0 ? 'Answer within ' + left + ' s' : 'The offer is ending…');
        countdown.dataset.seconds = String(left);
      } else {
        setText(countdown, '');
        delete countdown.dataset.seconds;
      }
    });
    flashTitle();
  }

  function renderStage() {
    var m = media;
    var other = elsewhere();
    var situation = '';
    var showsCaller = false;
    if (m) {
      if (!m.connected || (!m.active && Object.keys(m.others).length === 0)) {
        situation = 'Connecting to ' + m.name + '…';
      } else if (!m.active) {
        situation = 'Taking the call with ' + m.name + ' over from your other console…';
      } else if (m.dropped) {
        situation = m.name + "'s connection dropped — waiting for " + m.name + ' to come back';
      } else if (!m.callerStream) {
        situation = 'Connecting to ' + m.name + '…';
      } else {
        situation = 'Talking with ' + m.name + (m.colleagueStream ? ' and ' + m.colleagueName : '');
        showsCaller = true;
      }
    } else if (offlineByUser) {
      situation = 'You are offline.';
    } else if (other) {
      situation = 'Talking with ' + other.name + ' in another console';
    } else if (!note) {
      // after a reload the console's dropped connection has put its call on hold: say so, not "accept"
      var held = callers.filter(function (call) { return call.state === 'ON_HOLD'; });
      situation = held.length === 1 ? held[0].name + ' is on hold: press Resume to go on talking.'
        : held.length > 1 ? held.length + ' callers are on hold: press Resume on one to go on talking.'
          : 'Accept a caller to start talking.';
    }
    var lines = [note && !m ? note.text : '', situation].filter(Boolean);
    setText($('stage-caption'), lines.join('. '));
    var onStage = m ? callers.filter(function (call) { return call.id === m.callId; })[0] : other;
    var queue = (m || other) ? queueLabel(onStage) : '';
    setText($('stage-queue'), queue ? 'Queue: ' + queue : '');
    $('stage-queue').hidden = !queue;
    $('stage-placeholder').hidden = showsCaller;
    setText($('stage-placeholder'), lines[0] || '');
    var audioOnlyCaller = showsCaller && m.callerStream.hasVideo === false;
    setText($('stage-label'), audioOnlyCaller ? 'Audio only — ' + m.name + ' has no video' : '');
    $('stage-label').hidden = !audioOnlyCaller;
    $('self-video').hidden = !(m && m.publisher && !m.audioOnly);
    $('take-here-button').hidden = !!m || !other || offlineByUser;
    var mute = $('agent-mute-button');
    mute.hidden = !(m && m.publishing);
    mute.setAttribute('aria-pressed', String(!!(m && m.muted)));
    setText(mute, m && m.muted ? 'Unmute' : 'Mute');
    var camera = $('agent-camera-button');
    camera.hidden = !(m && m.publishing && !m.audioOnly);
    camera.setAttribute('aria-pressed', String(!!(m && m.cameraOff)));
    setText(camera, m && m.cameraOff ? 'Camera on' : 'Camera off');
  }

  // --- new callers ---------------------------------------------------------------------------

  function newCallers(arrivals) {
    unseen += arrivals.length;
    document.title = '(' + unseen + ') New caller · Agent console';
    chime();
    announce(arrivals.map(function (call) { return 'New caller: ' + call.name; }).join('. '));
    arrivals.forEach(notify);
  }

  function acknowledge() {
    unseen = 0;
    if (document.title !== BASE_TITLE) document.title = BASE_TITLE;
  }

  var sound = null;
  function chime() {
    var context = audio();
    if (context) tone(context, 880, 0, 0.15);
  }

  // The one audio context of the page; null without audio output.
  function audio() {
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return null;
      sound = sound || new Context();
      if (sound.state === 'suspended' && sound.resume) {
        var resumed = sound.resume();
        if (resumed && resumed.catch) resumed.catch(function () { /* silent until a gesture */ });
      }
      return sound;
    } catch (noSound) {
      return null; // the title and the announcement still tell
    }
  }

  // A tone made here (no audio file to fetch): frequency Hz, after delay s, for duration s.
  function tone(context, frequency, delay, duration) {
    try {
      var oscillator = context.createOscillator();
      var volume = context.createGain();
      oscillator.frequency.value = frequency;
      volume.gain.value = 0.08;
      oscillator.connect(volume);
      volume.connect(context.destination);
      oscillator.start(context.currentTime + delay);
      oscillator.stop(context.currentTime + delay + duration);
      return oscillator;
    } catch (noSound) {
      return null;
    }
  }

  function notify(call) {
    try {
      if (!('Notification' in window) || Notification.permission !== 'granted') return;
      var shown = new Notification('New caller', { body: call.name, tag: 'callcenter-' + call.id });
      shown.onclick = function () {
        window.focus();
        shown.close();
      };
    } catch (unsupported) {
      // some browsers only notify from a service worker: the title and the sound still tell
    }
  }

  // --- offers ---------------------------------------------------------------------------------

  // Compares the offers in the list with those ringing here: new ones (or one offered again, with a
  // new offerUntil) start ringing; those gone say what became of them.
  function noticeOffers(list) {
    var now = {};
    list.forEach(function (call) { if (call.state === 'OFFERED') now[call.id] = call; });
    Object.keys(offers).forEach(function (id) {
      var call = now[id];
      if (!call || String(millis(call.offerUntil)) !== offers[id].until) offerGone(id, findIn(list, id), null);
    });
    var fresh = [];
    Object.keys(now).forEach(function (id) {
      if (offers[id]) return;
      offers[id] = { name: now[id].name, until: String(millis(now[id].offerUntil)) };
      fresh.push(now[id]);
    });
    if (fresh.length) {
      announce(fresh.map(function (call) {
        return 'Incoming caller: ' + call.name + '. Accept or decline';
      }).join('. '));
      fresh.forEach(notifyOffer);
    }
    renderRinging();
  }

  // A pushed change saying that a caller offered here went on (to another agent, back to the queue)
  // tells why before the list is read again.
  function offerMoved(change) {
    if (!offers[change.callId] || !profile || change.previousAgentId !== profile.agentId) return;
    offerGone(change.callId, null, change.reason);
    renderRinging();
  }

  // An offer stopped ringing here: says what became of it, unless this agent took the call.
  // call is the call in the list now (null when it left the list), reason the pushed one, if known.
  function offerGone(id, call, reason) {
    var was = offers[id];
    delete offers[id];
    closeNotification(id);
    if (!was) return;
    var change = lastChange[id] || {};
    var why = reason || change.reason;
    if (call && (call.state === 'ON_CALL' || call.state === 'ON_HOLD')) {
      missedInRow = 0; // accepted, here or in another console
    } else if (why === 'offerDeclined') {
      missedInRow = 0;
      offerNews('You declined ' + was.name);
    } else if ((call && call.state === 'ENDED') || change.state === 'ENDED') {
      offerNews(was.name + ' hung up before you answered');
    } else if (why === 'offerTimedOut' || (!why && Number(was.until) <= Date.now())) {
      missedInRow++;
      offerNews('The offer of ' + was.name + ' timed out');
      // the state and the calls come on different topics: being made away may have come first
      renderMissedOffers();
    } else if (why === 'agentAway') {
      offerNews(was.name + ' went to another agent: you are away');
    } else {
      offerNews(was.name + ' is no longer offered to you');
    }
  }

  // Stays on the page until the next news, so that a look away does not miss it.
  function offerNews(text) {
    setText($('offer-news'), text + '.');
    $('offer-news').hidden = false;
    announce(text);
  }

  // Rings while any offer not being answered rings.
  function renderRinging() {
    var ringing = Object.keys(offers).some(function (id) { return !busy[id]; });
    $('callers').dataset.ringing = String(ringing);
    if (ringing && !ringTimer) {
      ring();
      ringTimer = setInterval(ring, 2000);
      flashTitle();
    } else if (!ringing && ringTimer) {
      clearInterval(ringTimer);
      ringTimer = null;
      silence();
      flashes = 0;
      document.title = unseen ? '(' + unseen + ') New caller · Agent console' : BASE_TITLE;
    }
  }

  // Two short rising tones, as a phone rings.
  function ring() {
    var context = audio();
    if (!context) return;
    silence();
    ringTones = [tone(context, 660, 0, 0.18), tone(context, 880, 0.25, 0.18)].filter(Boolean);
    var list = $('callers');
    list.dataset.rings = String(Number(list.dataset.rings || 0) + 1);
  }

  function silence() {
    ringTones.forEach(function (oscillator) { CallCenter.quietly(function () { oscillator.stop(); }); });
    ringTones = [];
  }

  // While ringing, every tick of the timers swaps the title, so that the tab catches the eye.
  function flashTitle() {
    if (!ringTimer) return;
    var names = Object.keys(offers).map(function (id) { return offers[id].name; }).join(', ');
    flashes++;
    document.title = (flashes % 2) ? 'Incoming caller · ' + names : '\u260E ' + names + ' · Agent console';
  }

  function notifyOffer(call) {
    try {
      if (!('Notification' in window) || Notification.permission !== 'granted') return;
      var shown = new Notification('Incoming caller', {
        body: call.name + (call.reason ? ': ' + call.reason : ''), tag: 'callcenter-offer-' + call.id, requireInteraction: true
      });
      shown.onclick = function () {
        window.focus();
        shown.close();
      };
      offerNotes[call.id] = shown;
    } catch (unsupported) {
      // some browsers only notify from a service worker: the title and the sound still tell
    }
  }

  function closeNotification(id) {
    var shown = offerNotes[id];
    delete offerNotes[id];
    if (shown) CallCenter.quietly(function () { shown.close(); });
  }

  function renderMissedOffers() {
    var state = agentState;
    var missed = !!state && state.state === 'AWAY' && state.awayReason === MISSED_OFFERS;
    $('missed-offers').hidden = !missed;
    setText($('missed-offers-message'), missed ? missedOffersText() : '');
  }

  function missedOffersText() {
    var missed = workflow.missesBeforeAway || missedInRow;
    var what = missed > 1 ? missed + ' offers in a row' : (missed === 1 ? 'an offer' : 'offers in a row');
    return 'You missed ' + what + ', so you were set to Away. Set yourself Available when you are back.';
  }

  // --- agent state and wrap-up ----------------------------------------------------------------

  // The away reasons and outcomes to choose from. Until they are read, "Away" has no
  // reason to offer and the notes no outcome; the next (re)connect of the live stream tries again.
  function loadWorkflow() {
    CallCenter.api('GET', '/api/agent/workflow').then(function (found) {
      workflow = {
        awayReasons: (found && Array.isArray(found.awayReasons)) ? found.awayReasons : [],
        outcomes: (found && Array.isArray(found.outcomes)) ? found.outcomes : [],
        // how many missed offers make the agent away, if the server says
        missesBeforeAway: (found && typeof found.missesBeforeAway === 'number') ? found.missesBeforeAway : 0
      };
      workflowRead = true;
      fillOptions($('away-reason'), workflow.awayReasons, null);
      fillOptions($('wrap-up-outcome'), workflow.outcomes, 'No outcome');
      if (wrapUp && wrapUp.saved && wrapUp.savedOutcome) $('wrap-up-outcome').value = wrapUp.savedOutcome;
      renderState();
    }).catch(function () {
      workflowRead = false;
    });
  }

  // The queues' names, read once: each card (and the stage) names the queue its caller came
  // through when there are several ("Sales"), the queue's id until they are read. Until the read
  // succeeds, the next (re)connect of the live stream tries again.
  function loadQueues() {
    CallCenter.readQueueNames().then(function (queues) {
      queueNames = queues.names;
      queueCount = queues.count;
      render();
    }).catch(function () {
      queueNames = null;
    });
  }

  // The name of the queue a call came through, or '' when there is no need to say (one queue).
  function queueLabel(call) {
    if (!call || typeof call.queue !== 'string' || !call.queue) return '';
    if (queueNames && queueCount <= 1) return '';
    return (queueNames && queueNames[call.queue]) || call.queue;
  }

  function fillOptions(select, ids, none) {
    var chosen = select.value;
    select.replaceChildren();
    if (none) select.appendChild(new Option(none, ''));
    ids.forEach(function (id) { select.appendChild(new Option(readable(id), id)); });
    if (chosen) select.value = chosen;
  }

  // An instant as the server writes it (ISO-8601, or epoch milliseconds) in milliseconds.
  function millis(instant) {
    return typeof instant === 'number' ? instant : new Date(instant).getTime();
  }

  // A configured id as a person reads it: "follow-up" → "Follow up", "missedOffers" → "Missed offers".
  function readable(id) {
    var text = String(id || '').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function changeState(body, done) {
    if (changingState) return;
    changingState = true;
    renderState();
    CallCenter.api('PUT', '/api/agent/state', { body: body }).then(function (agent) {
      clearAlert('action');
      $('hand-back').checked = false;
      applyAgent(agent);
      if (done) done();
    }).catch(function (problem) {
      showAlert(CallCenter.problemText(problem), 'action');
    }).then(function () {
      changingState = false;
      renderState();
      refresh();
    });
  }

  // The Agent the server answered (going online, changing state). One without a state comes from
  // a queue-service that has no agent states: online is as good as available then.
  function applyAgent(agent) {
    if (!agent || typeof agent !== 'object') return;
    applyState({
      state: agent.state || (agent.online === false ? 'OFFLINE' : 'AVAILABLE'),
      awayReason: agent.awayReason || null,
      since: agent.stateSince || null,
      wrapUpUntil: agent.wrapUpUntil || null
    });
  }

  // Answers and pushed events may arrive in either order: a state older than the one shown is
  // ignored, so that a late answer never undoes a newer change.
  function applyState(next) {
    var before = agentState;
    if (before && next.since && before.since && millis(next.since) < millis(before.since)) return;
    if (!next.since) next.since = (before && before.state === next.state && before.since) || new Date().toISOString();
    agentState = next;
    // back from being made away for missed offers: a new run of misses starts
    if (before && before.awayReason === MISSED_OFFERS && next.awayReason !== MISSED_OFFERS) missedInRow = 0;
    var changed = !before || before.state !== next.state || before.awayReason !== next.awayReason;
    if (changed) syncStateForm();
    if (before && changed) announce(stateSentence(next));
    renderState();
  }

  function stateSentence(state) {
    if (state.state === 'AVAILABLE') return 'You are available for new callers.';
    if (state.state === 'AWAY' && state.awayReason === MISSED_OFFERS) return missedOffersText();
    if (state.state === 'AWAY') return 'You are away' + (state.awayReason ? ' (' + readable(state.awayReason) + ')' : '') + ': no new callers.';
    if (state.state === 'WRAP_UP') return 'Wrap-up: no new callers until you are ready.';
    return 'You are offline.';
  }

  function stateName(state) {
    if (!state) return '…';
    if (state.state === 'AVAILABLE') return 'Available';
    if (state.state === 'AWAY') return 'Away' + (state.awayReason ? ' · ' + readable(state.awayReason) : '');
    if (state.state === 'WRAP_UP') return 'Wrap-up';
    return 'Offline';
  }

  // The selector shows the state the agent is in, whenever that changes.
  function syncStateForm() {
    var state = agentState;
    // made away for missed offers, the one thing to do is to come back: Available is ready to set
    var chosenAway = state && state.state === 'AWAY' && state.awayReason !== MISSED_OFFERS;
    $('state-select').value = chosenAway ? 'AWAY' : 'AVAILABLE';
    if (state && state.awayReason && workflow.awayReasons.indexOf(state.awayReason) >= 0) {
      $('away-reason').value = state.awayReason;
    }
    renderStateForm();
  }

  function renderStateForm() {
    var away = $('state-select').value === 'AWAY';
    $('away-choices').hidden = !away;
    var offline = !agentState || agentState.state === 'OFFLINE';
    $('state-button').disabled = changingState || offline || (away && !$('away-reason').value);
  }

  function renderState() {
    var state = agentState;
    var badge = $('state-badge');
    setText(badge, stateName(state));
    badge.className = 'state-badge ' + (state ? state.state : '');
    $('state-select').disabled = !state || state.state === 'OFFLINE';
    $('away-reason').disabled = !state || state.state === 'OFFLINE';
    renderStateForm();
    renderMissedOffers();
    setText($('no-callers'), (state && state.state === 'AWAY')
      ? 'You are away. New callers come once you are available again.'
      : (state && state.state === 'WRAP_UP')
        ? 'Wrap-up: new callers come once you are ready.'
        : 'No callers yet. New callers appear here as they arrive.');
    renderWrapUp();
    renderStateTimers();
  }

  // Ticks every second: none of it is in a live region.
  function renderStateTimers() {
    var state = agentState;
    setText($('state-timer'), state && state.state !== 'OFFLINE' ? 'for ' + CallCenter.elapsed(state.since) : '');
    var countdown = $('wrap-up-countdown');
    if (state && state.state === 'WRAP_UP' && state.wrapUpUntil && !isNaN(millis(state.wrapUpUntil))) {
      var left = Math.max(0, Math.ceil((millis(state.wrapUpUntil) - Date.now()) / 1000));
      setText(countdown, left > 0 ? 'Ready for new callers in ' + left + ' s' : 'Wrap-up is ending…');
      countdown.dataset.seconds = String(left);
    } else {
      setText(countdown, '');
      delete countdown.dataset.seconds;
    }
  }

  // Calls this agent had taken that left its list: ended (not moved to another agent) means the
  // agent may record how it went.
  function noticeEnds(list) {
    var now = {};
    list.forEach(function (call) { now[call.id] = call; });
    Object.keys(taken).forEach(function (id) {
      var call = now[id];
      if (call && call.state !== 'ENDED') return;
      var change = lastChange[id] || {};
      var moved = !call && change.state && change.state !== 'ENDED' && change.agentId && profile && change.agentId !== profile.agentId;
      var name = taken[id];
      delete taken[id];
      if (!moved && !(wrapUp && wrapUp.callId === id)) callEnded(id, name);
    });
    list.forEach(function (call) {
      if (call.state === 'ON_CALL' || call.state === 'ON_HOLD') taken[call.id] = call.name;
    });
  }

  function callEnded(callId, name) {
    if (wrapUp && wrapUp.callId === callId) return;
    wrapUp = { callId: callId, name: name, saved: false };
    $('wrap-up-outcome').value = '';
    $('wrap-up-notes').value = '';
    $('wrap-up-saved').hidden = true;
    keepWrapUp();
    renderWrapUp();
  }

  function saveNotes() {
    var w = wrapUp;
    if (!w || savingNotes) return;
    savingNotes = true;
    renderWrapUp();
    var outcome = $('wrap-up-outcome').value || null;
    var notes = $('wrap-up-notes').value;
    CallCenter.api('POST', '/api/agent/callers/' + encodeURIComponent(w.callId) + '/wrap-up',
      { body: { outcome: outcome, notes: notes } }).then(function () {
      clearAlert('action');
      w.saved = true;
      w.savedOutcome = outcome;
      w.savedNotes = notes;
      keepWrapUp();
      var text = 'Notes for the call with ' + w.name + ' saved';
      setText($('wrap-up-saved'), text + '.');
      $('wrap-up-saved').hidden = false;
      announce(text);
      // outside wrap-up, saving is the last thing to do with the panel
      if (wrapUp === w && !(agentState && agentState.state === 'WRAP_UP')) forgetWrapUp();
    }).catch(function (problem) {
      showAlert(CallCenter.problemText(problem, { name: w.name }), 'action');
    }).then(function () {
      savingNotes = false;
      renderWrapUp();
    });
  }

  // Whether the panel holds something the agent typed or chose and has not saved.
  function notesTyped() {
    if (!wrapUp) return false;
    var outcome = $('wrap-up-outcome').value || null;
    var notes = $('wrap-up-notes').value;
    if (wrapUp.saved) return outcome !== wrapUp.savedOutcome || notes !== wrapUp.savedNotes;
    return !!outcome || notes.trim() !== '';
  }

  function renderWrapUp() {
    var state = agentState;
    var inWrapUp = !!state && state.state === 'WRAP_UP';
    var panel = $('wrap-up');
    panel.hidden = !inWrapUp && !wrapUp;
    if (panel.hidden) return;
    setText($('wrap-up-title'), inWrapUp ? 'Wrap-up' : 'After the call');
    $('wrap-up-countdown').hidden = !inWrapUp;
    var call = $('wrap-up-call');
    call.hidden = false;
    setText(call, wrapUp ? 'Call with ' + wrapUp.name + ': record how it went.' : 'Take a moment before the next caller.');
    $('wrap-up-fields').hidden = !wrapUp;
    $('wrap-up-save-button').hidden = !wrapUp;
    $('wrap-up-save-button').disabled = savingNotes;
    $('ready-button').hidden = !inWrapUp;
    $('ready-button').disabled = changingState;
    $('wrap-up-close-button').hidden = inWrapUp;
    renderStateTimers();
  }

  // The call to note survives a reload of the console (sessionStorage), until saved or closed.
  function keepWrapUp() {
    try {
      sessionStorage.setItem(WRAP_UP_KEY, JSON.stringify(wrapUp));
    } catch (noStorage) {
      // private mode: the panel lasts as long as the page
    }
  }

  function forgetWrapUp() {
    wrapUp = null;
    try {
      sessionStorage.removeItem(WRAP_UP_KEY);
    } catch (noStorage) {
      // nothing kept
    }
  }

  function restoreWrapUp() {
    var kept = null;
    try {
      kept = parseJson(sessionStorage.getItem(WRAP_UP_KEY));
    } catch (noStorage) {
      kept = null;
    }
    if (kept && kept.callId) {
      wrapUp = { callId: kept.callId, name: kept.name || 'the caller', saved: !!kept.saved,
        savedOutcome: kept.savedOutcome || null, savedNotes: kept.savedNotes || '' };
      if (wrapUp.saved) {
        $('wrap-up-notes').value = wrapUp.savedNotes;
      }
      renderWrapUp();
    }
  }

  // --- transfers -------------------------------------------------------------------------------

  // "Transfer" on a card opens the dialog: the colleagues online (read again every few seconds while
  // it is open), each with "Transfer to <name>" when it can take the call now, a note for the next
  // agent, and "Back to the queue" (the caller keeps its place). The transferred call leaves this
  // console: its card goes, the stage is freed. A card transferred to this agent says by whom, with
  // the note. The cards' buttons carry data-transfer, not data-action: the card actions' handler
  // posts its action, this one only opens the dialog.
  var transfer = null;        // the dialog's call: {callId, name, sending}
  var colleagueTimer = null;  // reads the colleagues again while the dialog is open
  var colleagueNames = {};    // display names by agent id, as last read, for "Transferred by"
  var namesAsked = {};        // agent ids looked up once already for a name
  var TRANSFER_REASONS = { transferred: true, transferredToQueue: true };

  $('callers').addEventListener('click', function (event) {
    var button = event.target.closest('button[data-transfer]');
    if (button) openTransfer(button.closest('.card').dataset.callId);
  });

  $('transfer-cancel-button').addEventListener('click', function () { closeTransfer(false); });

  $('transfer-queue-button').addEventListener('click', function () { sendTransfer(null, null); });

  $('transfer-form').addEventListener('submit', function (event) { event.preventDefault(); });

  // Escape closes a modal dialog by itself ("cancel"): tidy up as Cancel does
  $('transfer-dialog').addEventListener('close', function () { if (transfer) closeTransfer(false); });

  $('transfer-note').addEventListener('input', function () {
    setText($('transfer-note-count'), $('transfer-note').value.length + ' / 500');
  });

  $('colleagues').addEventListener('click', function (event) {
    var button = event.target.closest('button[data-to]');
    if (button && !button.disabled) sendTransfer(button.dataset.to, button.dataset.name);
  });

  function openTransfer(callId) {
    var call = find(callId);
    if (!call || !transferable(call)) return;
    acknowledge();
    transfer = { callId: callId, name: call.name, sending: false };
    setText($('transfer-title'), 'Transfer ' + call.name);
    $('transfer-error').hidden = true;
    $('transfer-note').value = '';
    setText($('transfer-note-count'), '0 / 500');
    $('colleagues').replaceChildren();
    setText($('colleagues-status'), 'Looking for colleagues…');
    renderTransferButtons();
    var dialog = $('transfer-dialog');
    if (!dialog.open) {
      if (dialog.showModal) dialog.showModal(); else dialog.setAttribute('open', '');
    }
    $('transfer-note').focus();
    readColleagues();
  }

  // Closing gives focus back to the card's Transfer button when the card is still there.
  function closeTransfer(done) {
    var closing = done ? null : transfer;
    transfer = null;
    clearTimeout(colleagueTimer);
    var dialog = $('transfer-dialog');
    if (dialog.open) {
      if (dialog.close) dialog.close(); else dialog.removeAttribute('open');
    }
    var card = closing && cards[closing.callId];
    if (card) card.querySelector('button[data-transfer]').focus();
  }

  function transferable(call) {
    return call.state === 'ASSIGNED' || call.state === 'ON_CALL' || call.state === 'ON_HOLD';
  }

  var readColleagues = CallCenter.coalesce(function () {
    clearTimeout(colleagueTimer);
    return CallCenter.api('GET', '/api/agent/colleagues').then(function (list) {
      list = Array.isArray(list) ? list : [];
      list.forEach(function (c) { colleagueNames[c.id] = c.displayName || c.id; });
      renderColleagues(list);
      renderCards(); // names for "Transferred by" may have just arrived
    }).catch(function (problem) {
      if (transfer) setText($('colleagues-status'), 'Could not read your colleagues: ' + CallCenter.problemText(problem));
    }).then(function () {
      if (transfer) colleagueTimer = setTimeout(readColleagues, 3000);
    });
  });

  // In place, keyed by agent id, so that focus on a colleague's button survives a refresh.
  function renderColleagues(list) {
    if (!transfer) return;
    var ul = $('colleagues');
    var rows = {};
    Array.prototype.forEach.call(ul.children, function (li) { rows[li.dataset.agentId] = li; });
    var wanted = {};
    list.forEach(function (c, index) {
      wanted[c.id] = true;
      var li = rows[c.id];
      if (!li) {
        li = document.createElement('li');
        li.dataset.agentId = c.id;
        li.innerHTML = '<span class="who"><span class="colleague-name"></span> <span class="colleague-state"></span></span>'
          + '<span class="colleague-actions"><button type="button" class="secondary" data-transfer-to></button> '
          + '<button type="button" class="secondary" data-consult></button></span>';
      }
      var name = c.displayName || c.id;
      var button = li.querySelector('button[data-transfer-to]');
      setText(li.querySelector('.colleague-name'), name);
      setText(li.querySelector('.colleague-state'), colleagueSituation(c));
      li.classList.toggle('unavailable', !c.canTakeTransfer);
      setText(button, 'Transfer to ' + name);
      button.dataset.to = c.id;
      button.dataset.name = name;
      button.disabled = !c.canTakeTransfer || transfer.sending;
      fillConsultButton(li.querySelector('button[data-consult]'), c, name);
      var at = ul.children[index] || null;
      if (at !== li) ul.insertBefore(li, at);
    });
    Object.keys(rows).forEach(function (id) { if (!wanted[id]) rows[id].remove(); });
    setText($('colleagues-status'), list.length ? '' : 'No other agent is online: you can transfer back to the queue.');
  }

  // "Available · 1 caller", "Away · Lunch · cannot take a call now", "Available · no room for another caller"
  function colleagueSituation(c) {
    var state = stateName({ state: c.state, awayReason: c.awayReason });
    var load = c.load === 1 ? '1 caller' : (c.load || 0) + ' callers';
    if (c.canTakeTransfer) return state + ' · ' + load;
    if (c.state === 'AVAILABLE') return state + ' · ' + load + ' · no room for another caller';
    return state + ' · cannot take a call now';
  }

  function renderTransferButtons() {
    var sending = !!(transfer && transfer.sending);
    $('transfer-queue-button').disabled = sending;
    Array.prototype.forEach.call($('colleagues').querySelectorAll('button[data-to]'), function (button) {
      if (sending) button.disabled = true;
    });
  }

  // to: the colleague's agent id, or null for back to the queue.
  function sendTransfer(to, toName) {
    var t = transfer;
    if (!t || t.sending) return;
    t.sending = true;
    $('transfer-error').hidden = true;
    renderTransferButtons();
    var note = $('transfer-note').value.trim();
    var body = {};
    if (to) body.to = to;
    if (note) body.note = note;
    busy[t.callId] = true;
    CallCenter.api('POST', '/api/agent/callers/' + encodeURIComponent(t.callId) + '/transfer', { body: body }).then(function (call) {
      transferred(t, to ? (toName || to) : null, call);
    }).catch(function (problem) {
      t.sending = false;
      if (transfer !== t) {
        showAlert(transferProblem(problem, t.name, toName), 'action');
        return;
      }
      setText($('transfer-error'), transferProblem(problem, t.name, toName));
      $('transfer-error').hidden = false;
      renderTransferButtons();
      readColleagues(); // whoever could not take it shows so now
    }).then(function () {
      delete busy[t.callId];
      refresh();
    });
  }

  function transferProblem(problem, name, toName) {
    var kind = problem && problem.type ? String(problem.type).split(':').pop() : '';
    if (kind === 'transfer-target-unavailable') {
      return (toName || 'That agent') + ' cannot take ' + name + ' now: only an available agent with room for another caller can. Nothing changed.';
    }
    return CallCenter.problemText(problem, { name: name });
  }

  // The call is no longer this console's: no wrap-up notes for it (it goes on elsewhere), the
  // stage lets go of its media, and the agent hears where it went.
  function transferred(t, toName, call) {
    delete taken[t.callId];
    if (transfer === t) {
      // the card is about to go: focus the list's heading rather than nothing
      closeTransfer(true);
      $('callers-title').setAttribute('tabindex', '-1');
      $('callers-title').focus();
    }
    var text = toName ? t.name + ' was transferred to ' + toName
      : t.name + ' was transferred back to the queue';
    if (toName == null && call && call.state !== 'WAITING' && call.agentName) {
      text = t.name + ' was transferred back to the queue and went to ' + call.agentName;
    }
    if (media && media.callId === t.callId) {
      leaveMedia(text, 'gone');
    } else {
      announce(text);
    }
    clearAlert('action');
  }

  // Pushed changes: a call of this agent transferred (by this console or another of the agent's)
  // has not ended, so it asks for no wrap-up notes here.
  function transferNews(change) {
    if (!change || !change.callId || !TRANSFER_REASONS[change.reason]) return;
    if (profile && change.agentId !== profile.agentId) delete taken[change.callId];
  }

  // "Transferred by Alice" and the note, on a card transferred to this agent.
  function fillTransfer(card, call) {
    var by = card.querySelector('.transferred-by');
    var button = card.querySelector('button[data-transfer]');
    button.hidden = !transferable(call);
    var label = 'Transfer ' + call.name;
    if (button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label);
    if (!call.transferredBy) {
      by.hidden = true;
      return;
    }
    by.hidden = false;
    var mine = profile && call.transferredBy === profile.agentId;
    setText(by.querySelector('.by'), mine ? 'Transferred by you' : 'Transferred by ' + colleagueName(call.transferredBy));
    var noteLine = by.querySelector('.transfer-note');
    noteLine.hidden = !call.transferNote;
    setText(noteLine, call.transferNote ? '“' + call.transferNote + '”' : '');
  }

  // The name of the colleague, once read from the colleagues (once per unknown id); its id until then.
  function colleagueName(agentId) {
    if (colleagueNames[agentId]) return colleagueNames[agentId];
    if (!namesAsked[agentId]) {
      namesAsked[agentId] = true;
      setTimeout(readColleagues, 0);
    }
    return agentId;
  }

  // The dialog's call went (ended, left, moved): close it, saying so.
  function renderTransferDialog() {
    if (!transfer) return;
    var call = find(transfer.callId);
    if (call && transferable(call)) return;
    if (transfer.sending) return; // the answer says what happened
    var name = transfer.name;
    closeTransfer();
    showAlert(name + ' is no longer one of your callers to transfer.', 'action');
  }

  // --- warm transfer (consults) ----------------------------------------------------------------

  // "Consult <name>" in the transfer dialog asks a colleague to join the call on call here: the
  // card says "Waiting for Bob to join", then "Bob joined" (Bob's video shows in a small tile on the
  // stage), with "Cancel consult". When Bob takes over, the call leaves this console: its media
  // disconnects and the stage says "Bob took the call".
  // The colleague's console shows the request ("Alice asks you to join the call with Ann", the note)
  // with Join and Decline; once joined, the caller's and Alice's video with "Take over" and "Leave".
  // Taking over keeps the connection joined with (the server moved it onto the call), which is then
  // this agent's call like any other. The request is read from the server (GET /api/agent/consults)
  // on going online and on every consult event, so a reloaded console finds it again.
  var consult = null;        // the call this agent is asked to join (Call JSON), or null
  var consultBusy = false;   // a join, take-over, decline or leave in flight
  var consultNotes = {};     // what became of this agent's last consult, by call id, for its card
  var TOOK_OVER_NOTE_MS = 8000;

  $('colleagues').addEventListener('click', function (event) {
    var button = event.target.closest('button[data-consult]');
    if (button && !button.disabled) sendConsult(button.dataset.consult, button.dataset.consultName);
  });

  $('callers').addEventListener('click', function (event) {
    var button = event.target.closest('button[data-consult-cancel]');
    if (button) cancelConsult(button.closest('.card').dataset.callId);
  });

  $('consult-join-button').addEventListener('click', joinConsult);
  $('consult-decline-button').addEventListener('click', function () { leaveConsult(false); });
  $('consult-leave-button').addEventListener('click', function () { leaveConsult(true); });
  $('consult-take-over-button').addEventListener('click', takeOver);

  // A colleague can be consulted on a call on call here when the server says it can join a call.
  function fillConsultButton(button, c, name) {
    var call = transfer && find(transfer.callId);
    setText(button, 'Consult ' + name);
    button.dataset.consult = c.id;
    button.dataset.consultName = name;
    button.hidden = !(call && call.state === 'ON_CALL');
    button.disabled = !c.canJoinCall || transfer.sending || !!(call && call.consultAgentId);
  }

  function sendConsult(to, toName) {
    var t = transfer;
    if (!t || t.sending) return;
    t.sending = true;
    $('transfer-error').hidden = true;
    renderTransferButtons();
    Array.prototype.forEach.call($('colleagues').querySelectorAll('button[data-consult]'), function (b) { b.disabled = true; });
    var text = $('transfer-note').value.trim();
    var body = { to: to };
    if (text) body.note = text;
    busy[t.callId] = true;
    CallCenter.api('POST', '/api/agent/callers/' + encodeURIComponent(t.callId) + '/consult', { body: body }).then(function () {
      delete consultNotes[t.callId];
      clearAlert('action');
      if (transfer === t) closeTransfer(false);
      announce('Asking ' + toName + ' to join your call with ' + t.name);
    }).catch(function (problem) {
      t.sending = false;
      var said = consultProblem(problem, t.name, toName);
      if (transfer !== t) {
        showAlert(said, 'action');
        return;
      }
      setText($('transfer-error'), said);
      $('transfer-error').hidden = false;
      renderTransferButtons();
      readColleagues(); // whoever could not join shows so now
    }).then(function () {
      delete busy[t.callId];
      refresh();
    });
  }

  function consultProblem(problem, name, toName) {
    var kind = problem && problem.type ? String(problem.type).split(':').pop() : '';
    if (kind === 'transfer-target-unavailable') {
      return (toName || 'That agent') + ' cannot join your call with ' + name
        + ' now: only an available colleague who is not on a call can. Nothing changed.';
    }
    if (kind === 'consult-in-progress') return 'You are already consulting a colleague on the call with ' + name + '.';
    if (kind === 'call-not-in-progress') return 'Only a call you are talking on can have a colleague join.';
    if (kind === 'not-consulted') return 'The request to join the call with ' + name + ' is no longer open.';
    if (kind === 'consult-not-joined') return 'Join the call with ' + name + ' before taking it over.';
    return CallCenter.problemText(problem, { name: name });
  }

  function cancelConsult(callId) {
    var call = find(callId);
    if (!call || busy[callId]) return;
    busy[callId] = true;
    acknowledge();
    CallCenter.api('DELETE', '/api/agent/callers/' + encodeURIComponent(callId) + '/consult').then(function () {
      clearAlert('action');
      noteConsult(callId, 'You cancelled the consult');
    }).catch(function (problem) {
      showAlert(consultProblem(problem, call.name, consultName(call)), 'action');
    }).then(function () {
      delete busy[callId];
      refresh();
    });
  }

  // What became of a consult shows on the call's card for a while, then goes.
  function noteConsult(callId, text) {
    consultNotes[callId] = text;
    setTimeout(function () {
      if (consultNotes[callId] !== text) return;
      delete consultNotes[callId];
      renderCards();
    }, CONSULT_NOTE_MS);
  }

  // The colleague consulted on the call: the list of an agent's callers may not carry its name.
  function consultName(call) {
    return call.consultAgentName || colleagueName(call.consultAgentId);
  }

  // "Waiting for Bob to join" / "Bob joined" with "Cancel consult"; afterwards what became of it.
  function fillConsult(card, call) {
    var line = card.querySelector('.consult-line');
    var asking = !!call.consultAgentId;
    var name = consultName(call);
    if (asking) delete consultNotes[call.id];
    var text = asking ? (call.consultJoined ? name + ' joined' : 'Waiting for ' + name + ' to join') : (consultNotes[call.id] || '');
    line.hidden = !text;
    setText(line.querySelector('.consult-status'), text);
    var cancel = line.querySelector('button[data-consult-cancel]');
    cancel.hidden = !asking;
    var label = 'Cancel consult of ' + name + ' on the call with ' + call.name;
    if (asking && cancel.getAttribute('aria-label') !== label) cancel.setAttribute('aria-label', label);
  }

  // Pushed changes about consults, on either side.
  function consultNews(change) {
    if (!change || !change.callId || !profile) return;
    var me = profile.agentId;
    var type = change.type;
    if (type === 'CONSULT_STARTED' || type === 'CONSULT_JOINED' || type === 'CONSULT_ENDED') {
      if (change.consultAgentId === me) {
        if (type === 'CONSULT_ENDED') consultOver(change.callId, change.reason);
        readConsult();
      } else if (type === 'CONSULT_ENDED') {
        consultEndedOnMyCall(change);
      }
    } else if (type === 'ACCEPTED' && change.previousAgentId === me && change.agentId && change.agentId !== me) {
      tookOver(change);
    }
  }

  // The colleague consulted on this agent's call declined, left or the consult was cancelled.
  function consultEndedOnMyCall(change) {
    var call = find(change.callId);
    if (!call || !call.consultAgentId) return;
    var name = consultName(call);
    var text = change.reason === 'consultDeclined' ? name + ' declined to join'
      : change.reason === 'agentDisconnected' ? name + ' left the call'
        : change.reason === 'consultCancelled' ? 'You cancelled the consult' : '';
    if (!text) return;
    noteConsult(change.callId, text);
    if (change.reason !== 'consultCancelled') announce(text);
  }

  // The colleague consulted took the call: it leaves this console (the server already moved it).
  function tookOver(change) {
    var call = find(change.callId);
    if (!call || !call.consultAgentId) return; // a cold transfer is told by transferred()
    var name = consultName(call);
    delete taken[change.callId];
    delete consultNotes[change.callId];
    var text = name + ' took the call with ' + call.name;
    if (media && media.callId === change.callId && !media.consult) {
      leaveMedia(text, 'gone');
      var shown = note;
      setTimeout(function () {
        if (note === shown) {
          note = null;
          renderStage();
        }
      }, TOOK_OVER_NOTE_MS);
    } else {
      announce(text);
    }
  }

  // The consult this agent was asked into ended (reason: consultCancelled, consultDeclined,
  // agentDisconnected or why the call ended or moved).
  function consultOver(callId, reason) {
    if (media && media.callId === callId && !media.consult) return; // taken over: the call is this agent's
    var c = consult && consult.id === callId ? consult : null;
    var joined = !!(media && media.consult && media.callId === callId);
    var name = joined ? media.name : (c ? c.name : 'the caller');
    var by = (joined && media.consult.by) || (c && c.agentName) || 'Your colleague';
    var text = reason === 'consultCancelled' ? by + ' no longer needs you on the call with ' + name
      : reason === 'consultDeclined' ? ''
        : reason === 'agentDisconnected' ? 'You left the call with ' + name
          : joined ? 'The call with ' + name + ' ended' : by + "'s call with " + name + ' ended';
    if (c) consult = null;
    if (joined) {
      leaveMedia(text || null, 'gone');
    } else if (text) {
      offerNews(text);
    }
    renderConsult();
  }

  var readConsult = CallCenter.coalesce(function () {
    return CallCenter.api('GET', '/api/agent/consults').then(function (found) {
      applyConsult(found && found.id ? found : null);
    }).catch(function () {
      // the next consult event, or going online again, reads it again
    });
  });

  function applyConsult(found) {
    var was = consult;
    var m = media;
    if (found && m && !m.consult && m.callId === found.id) found = null; // taken over already
    consult = found;
    if (found && !(was && was.id === found.id) && !(m && m.consult && m.callId === found.id)) {
      ring();
      announce(askText(found) + (found.consultNote ? '. Note: ' + found.consultNote : ''));
    }
    if (!found && m && m.consult && !consultBusy) leaveMedia(null); // ended while unheard
    renderConsult();
  }

  function askText(c) {
    return (c.agentName || 'A colleague') + ' asks you to join the call with ' + c.name;
  }

  function renderConsult() {
    var c = consult;
    var m = media;
    var joined = !!(c && m && m.consult && m.callId === c.id);
    $('consult-request').hidden = !c;
    if (!c) return;
    setText($('consult-ask'), joined ? 'In ' + (c.agentName || 'your colleague') + "'s call with " + c.name
      + ': take it over when ready, or leave' : askText(c));
    $('consult-note').hidden = !c.consultNote;
    setText($('consult-note'), c.consultNote ? '“' + c.consultNote + '”' : '');
    $('consult-join-button').hidden = joined;
    $('consult-decline-button').hidden = joined;
    $('consult-take-over-button').hidden = !joined;
    $('consult-leave-button').hidden = !joined;
    ['consult-join-button', 'consult-decline-button', 'consult-take-over-button', 'consult-leave-button'].forEach(function (id) {
      $(id).disabled = consultBusy;
    });
  }

  function joinConsult() {
    var c = consult;
    if (!c || consultBusy) return;
    consultBusy = true;
    acknowledge();
    renderConsult();
    CallCenter.api('POST', '/api/agent/consults/' + encodeURIComponent(c.id) + '/join').then(function (answer) {
      if (!answer || !answer.session) throw new Error('The call center answered without a video session. Please try again.');
      clearAlert('action');
      var call = answer.call || c;
      if (consult && consult.id === c.id) consult = call;
      var m = joinCall(call, answer.session);
      m.consult = { by: call.agentName || c.agentName || 'your colleague' };
      renderStage();
    }).catch(function (problem) {
      showAlert(consultProblem(problem, c.name, null), 'action');
      readConsult();
    }).then(function () {
      consultBusy = false;
      renderConsult();
    });
  }

  // The media stays: same session, same connection, same publisher; only who owns the call changes.
  function takeOver() {
    var c = consult;
    var m = media;
    if (!c || consultBusy || !m || !m.consult || m.callId !== c.id) return;
    consultBusy = true;
    acknowledge();
    renderConsult();
    CallCenter.api('POST', '/api/agent/consults/' + encodeURIComponent(c.id) + '/take-over').then(function (call) {
      clearAlert('action');
      m.consult = null;
      m.listSeq = listSeq; // lists read from now on have the call: they reconcile it as usual
      if (call && call.name) m.name = call.name;
      taken[c.id] = m.name;
      consult = null;
      announce('You took over the call with ' + m.name);
    }).catch(function (problem) {
      showAlert(consultProblem(problem, c.name, null), 'action');
      readConsult();
    }).then(function () {
      consultBusy = false;
      renderConsult();
      render();
      refresh();
    });
  }

  // Decline (not joined yet) or leave (joined): the call stays with the colleague who asked.
  function leaveConsult(joined) {
    var c = consult;
    if (!c || consultBusy) return;
    consultBusy = true;
    acknowledge();
    renderConsult();
    CallCenter.api('DELETE', '/api/agent/consults/' + encodeURIComponent(c.id)).then(function () {
      clearAlert('action');
      if (consult && consult.id === c.id) consult = null;
      if (media && media.consult && media.callId === c.id) leaveMedia(joined ? 'You left the call with ' + c.name : null, 'gone');
      if (!joined) offerNews('You declined to join the call with ' + c.name);
    }).catch(function (problem) {
      showAlert(consultProblem(problem, c.name, null), 'action');
      readConsult();
    }).then(function () {
      consultBusy = false;
      renderConsult();
      refresh();
    });
  }

  // The other agent in the call: the colleague consulted, or the agent who asked this one.
  function colleagueStreamCreated(m, stream) {
    m.colleagueStream = stream;
    m.colleagueName = stream.name || colleagueName(who(stream.connection).userId);
    subscribeColleague(m);
    renderColleagueTile();
    renderStage();
    announce(m.colleagueName + ' joined the call');
  }

  function subscribeColleague(m) {
    var stream = m.colleagueStream;
    if (!m.active || !stream || m.colleagueSubscribed === stream.streamId) return;
    m.colleagueSubscribed = stream.streamId;
    try {
      m.colleagueSubscriber = m.session.subscribe(stream, 'colleague-video', { insertMode: 'append', width: '100%', height: '100%' }, function (error) {
        if (error && media === m) showAlert('Could not show ' + m.colleagueName + "'s video: " + error.message, 'action');
      });
    } catch (error) {
      showAlert('Could not show ' + m.colleagueName + "'s video: " + error.message, 'action');
    }
  }

  function colleagueStreamDestroyed(m) {
    var name = m.colleagueName;
    var subscriber = m.colleagueSubscriber;
    m.colleagueStream = null;
    m.colleagueSubscribed = null;
    m.colleagueSubscriber = null;
    if (subscriber) CallCenter.quietly(function () { m.session.unsubscribe(subscriber); });
    clearColleagueTile();
    renderStage();
    if (media === m) announce(name + ' left the call');
  }

  function renderColleagueTile() {
    var m = media;
    var shows = !!(m && m.colleagueStream);
    $('colleague-video').hidden = !shows;
    setText($('colleague-label'), shows ? m.colleagueName : '');
  }

  function clearColleagueTile() {
    var tile = $('colleague-video');
    Array.prototype.slice.call(tile.children).forEach(function (child) {
      if (child.id !== 'colleague-label') child.remove();
    });
    tile.hidden = true;
    setText($('colleague-label'), '');
  }

  // --- chat ------------------------------------------------------------------------------------

  // The chat panel under the stage is the call on call with this agent (at most one; also when its
  // media lives in another console): js/chat.js. A held call's chat shows again, read afresh, when
  // it is resumed; a reload reads the transcript again. Pushed messages come as `callers` events of
  // type MESSAGE, which change nothing else.
  var chat = CallCenter.Chat({ me: 'agent' });

  // The agent's own figures in the status bar (js/my-figures.js): read when the stream is ready and
  // after each of its calls ends.
  var myFigures = CallCenter.MyFigures($('my-figures'));

  function renderChat() {
    var talking = null;
    for (var i = 0; i < callers.length; i++) {
      if (callers[i].state === 'ON_CALL') talking = callers[i];
    }
    if (talking) {
      chat.show(talking.id, '/api/agent/callers/' + encodeURIComponent(talking.id) + '/messages', 'Chat with ' + talking.name);
    } else {
      chat.hide();
    }
  }

  // --- small helpers -------------------------------------------------------------------------

  function find(callId) {
    return findIn(callers, callId);
  }

  function findIn(list, callId) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].id === callId) return list[i];
    }
    return null;
  }

  // The call of this agent that is on call in another console (at most one is on call).
  function elsewhere() {
    for (var i = 0; i < callers.length; i++) {
      if (callers[i].state === 'ON_CALL' && !(media && media.callId === callers[i].id)) return callers[i];
    }
    return null;
  }

  function parseJson(text) {
    try {
      return JSON.parse(text);
    } catch (notJson) {
      return null;
    }
  }

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  function troubleText(problem) {
    return problem.network ? 'Connection trouble: retrying…' : CallCenter.problemText(problem) + ' Retrying…';
  }

  function showAlert(text, kind) {
    alertKind = kind;
    setText($('console-error'), text);
    $('console-error').hidden = false;
  }

  function clearAlert(kind) {
    if (alertKind !== kind) return;
    alertKind = null;
    $('console-error').hidden = true;
  }

  // The visually hidden status region: announcements without putting ticking timers in a live region.
  var announcing = null;
  function announce(text) {
    var region = $('announcer');
    region.textContent = '';
    clearTimeout(announcing);
    // a short pause, so that the same sentence twice is announced twice
    announcing = setTimeout(function () { region.textContent = text; }, 100);
  }
})();
