/* The caller's page: choose a queue (when there are several), check the camera and microphone, dial, wait with a live queue position, talk,
   be put on hold, leave. Updates arrive by server-sent events; all user text is set with
   textContent. What a reload needs (the call id and its credential) is kept in sessionStorage, so a
   reload resumes the same call: the server keeps a caller whose connection dropped for a grace
   period. */
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var STORAGE_KEY = 'callcenter.call';

  var stored = null;        // {callId, callerToken, session: {apiKey, sessionId, token}, name, reason, mode}
  var lastCall = null;      // the call as last read from the server
  var session = null;       // the OpenTok session of this call
  var connecting = false;   // session.connect has not answered yet
  var publisher = null;
  var agentStreams = {};    // the agent's streams in the session, by stream id
  var events = null;        // the call's EventSource
  var following = null;     // the latest attempt to open it (a newer one makes older ones give up)
  var started = false;      // the call screens are showing
  var ended = false;
  var waitedTimer = null;
  var retryTimer = null;
  var muted = false;
  var cameraOff = false;
  var cameraFailed = false; // the camera stopped working during the call: audio only from then on
  var preview = null;       // the form's camera preview (a MediaStream)
  var devicesChecked = 0;   // counts device checks, so that only the latest one reports
  var queuePlace = null;    // the place in line, followed from pushed queue moves (queue-place.js)
  var backInLine = false;   // the latest change put the call back in line from an agent (offer declined, ...)
  var devicesReady = false; // the device check lets the caller call (camera and microphone, or microphone alone)
  var dialing = false;      // a dial is in flight
  var queues = null;        // the queues as last read (GET /api/queues), in configured order; null: none read
  var linkedQueue = linkQueue(); // the queue the link names (caller.html?queue=support), else null
  var queueTimer = null;    // reads the queues again when the one chosen opens
  var queuesReader = null;  // reads the queues, one read at a time (see readQueues)

  // Why a call goes back in line from an agent without losing its place: an offer the agent declined
  // or let ring out, or an agent who went away before taking it.
  var KEPT_PLACE = { offerDeclined: true, offerTimedOut: true, agentAway: true };

  var END_MESSAGES = {
    agentEnded: 'Your agent ended the call. Thank you for calling.',
    callerLeft: 'You left the call.',
    callerDisconnected: 'Your connection was lost for too long, so the call ended.',
    neverConnected: 'We could not connect your call. Please try again.'
  };

  // --- start: resume a kept call, or show the form ------------------------------------------

  queuePlace = CallCenter.QueuePlace(function () { refresh(); });

  var kept = readStored();
  if (kept) {
    resume(kept);
  } else {
    showForm(null);
  }

  $('queue-choice').addEventListener('change', function () {
    $('dial-error').hidden = true;
    renderQueueStatus();
    renderDialButton();
  });
  // a queue's hours and who is signed in change while the form shows: look again on coming back
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && !started && !stored) readQueues();
  });

  $('dial-form').addEventListener('submit', function (event) {
    event.preventDefault();
    dial();
  });
  $('check-devices-button').addEventListener('click', checkDevices);
  $('exit-button').addEventListener('click', leave);
  $('mute-button').addEventListener('click', function () {
    muted = !muted;
    if (publisher) CallCenter.quietly(function () { publisher.publishAudio(!muted); });
    renderMedia();
  });
  $('camera-button').addEventListener('click', function () {
    cameraOff = !cameraOff;
    if (publisher) CallCenter.quietly(function () { publisher.publishVideo(!cameraOff); });
    renderMedia();
  });

  function readStored() {
    try {
      var value = JSON.parse(sessionStorage.getItem(STORAGE_KEY));
      return (value && value.callId && value.callerToken && value.session) ? value : null;
    } catch (unreadable) {
      return null;
    }
  }

  function save() {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    } catch (full) {
      // private mode or full storage: the call works, only a reload will not find it
    }
  }

  function forget() {
    CallCenter.quietly(function () { sessionStorage.removeItem(STORAGE_KEY); });
  }

  function auth() {
    return { Authorization: 'Bearer ' + stored.callerToken };
  }

  function callUrl() {
    return '/api/calls/' + encodeURIComponent(stored.callId);
  }

  // A kept call: read it again. Still going → carry on where it was; over → say how it ended;
  // unknown or no longer ours → start afresh.
  function resume(call) {
    stored = call;
    $('screen-resuming').hidden = false;
    $('exit-button').hidden = false;
    CallCenter.api('GET', callUrl(), { headers: auth() }).then(function (current) {
      if (ended) return;
      if (!current) throw new Error('empty answer');
      if (current.state === 'ENDED') {
        finish(current);
      } else {
        start(current);
      }
    }).catch(function (problem) {
      if (ended) return;
      if (problem.status === 401 || problem.status === 403 || problem.status === 404) {
        forget();
        stored = null;
        $('exit-button').hidden = true;
        showForm(call);
        return;
      }
      // the call center cannot be reached right now; the call is kept there for a while
      $('resume-message').textContent = problem.network ? 'Connection trouble: retrying…'
        : CallCenter.problemText(problem) + ' Retrying…';
      retryTimer = setTimeout(function () { if (!ended && !started) resume(call); }, 3000);
    });
  }

  function showForm(previous) {
    $('screen-resuming').hidden = true;
    $('dial-form').hidden = false;
    if (previous) {
      $('name').value = previous.name || '';
      $('reason').value = previous.reason || '';
    }
    readQueues();
    checkDevices();
  }

  // --- the queues, before dialing ------------------------------------------------------------

  // Several queues ("Sales", "Support"): the caller chooses one, the first that takes calls
  // chosen to begin with, so that just pressing Call still works; a link naming one
  // (caller.html?queue=support) chooses it and the choice stays hidden. A queue that takes no calls
  // now says why (closed until some time, nobody available) and Call waits; the server still
  // decides when the call is placed (it may have changed since the read). With one queue nothing
  // shows. A server that answers no queues (an older one), or cannot be reached, leaves the form as
  // it was: the call goes to the queue the link names, if any, else to the server's first.
  function linkQueue() {
    var match = /[?&]queue=([^&#]*)/.exec(location.search);
    if (!match) return null;
    try {
      return decodeURIComponent(match[1].replace(/\+/g, ' ')).trim() || null;
    } catch (malformed) {
      return match[1] || null;
    }
  }

  // One read in flight at a time (CallCenter.coalesce), made on first use: the page reads the
  // queues as it starts, before this part of the script has run.
  function readQueues() {
    if (!queuesReader) queuesReader = CallCenter.coalesce(readQueuesOnce);
    queuesReader();
  }

  function readQueuesOnce() {
    if (started) return null;
    return CallCenter.api('GET', '/api/queues').then(function (answer) {
      var list = (answer && Array.isArray(answer.queues)) ? answer.queues.filter(function (queue) {
        return queue && typeof queue.id === 'string';
      }) : [];
      queues = list.length ? list : null;
      renderQueues();
    }).catch(function () {
      renderQueues(); // what was read before, if anything, still holds
    });
  }

  function findQueue(id) {
    for (var i = 0; queues && i < queues.length; i++) {
      if (queues[i].id === id) return queues[i];
    }
    return null;
  }

  function queueName(queue) {
    return (queue && queue.displayName) || (queue && queue.id) || 'This queue';
  }

  function takesCalls(queue) {
    return !queue || queue.acceptsCalls !== false;
  }

  // The queue the call would go to now: null when the page does not know the queues.
  function chosenQueue() {
    if (!queues) return null;
    var linked = linkedQueue ? findQueue(linkedQueue) : null;
    if (linked) return linked;
    if (queues.length === 1) return queues[0];
    return findQueue($('queue-choice').value) || queues[0];
  }

  // The queue a dial names: the one chosen, or the one the link names when the queues are unknown.
  function chosenQueueId() {
    var queue = chosenQueue();
    return queue ? queue.id : linkedQueue;
  }

  function renderQueues() {
    if (started) return;
    var linked = linkedQueue && queues ? findQueue(linkedQueue) : null;
    var choose = !!queues && queues.length > 1 && !linked;
    var select = $('queue-choice');
    if (queues) {
      var before = select.value;
      // in place, so that the choice and focus survive a read again
      queues.forEach(function (queue, index) {
        var option = select.options[index];
        if (!option) {
          option = new Option('', queue.id);
          select.add(option);
        }
        option.value = queue.id;
        setText(option, queueName(queue) + (takesCalls(queue) ? ''
          : queue.closedReason === 'closed' ? ' (closed now)' : ' (nobody available now)'));
      });
      while (select.options.length > queues.length) select.remove(queues.length);
      var open = queues.filter(takesCalls)[0] || queues[0];
      select.value = findQueue(before) ? before : open.id;
    }
    $('queue-choice-field').hidden = !choose;
    var line = $('queue-linked');
    var text = '';
    if (linkedQueue && queues && !linked) {
      text = 'The link you followed asks for a queue we do not have ("' + linkedQueue + '").'
        + (choose ? ' Please choose who you would like to talk to.' : '');
    } else if (linked && queues.length > 1) {
      text = 'You are calling ' + queueName(linked) + '.';
    }
    setText(line, text);
    line.hidden = !text;
    line.className = (linkedQueue && queues && !linked) ? 'error' : 'muted';
    renderQueueStatus();
    renderDialButton();
  }

  // Why the queue chosen takes no calls now; when it opens later today or tomorrow, the page reads
  // the queues again then (one timer, not polling).
  function renderQueueStatus() {
    var queue = chosenQueue();
    var status = $('queue-status');
    var text = takesCalls(queue) ? '' : queueRefusal(queue);
    setText(status, text);
    status.hidden = !text;
    clearTimeout(queueTimer);
    queueTimer = null;
    var opens = queue && !takesCalls(queue) && queue.opensAt ? Date.parse(queue.opensAt) : NaN;
    if (!isNaN(opens) && opens - Date.now() < 36 * 3600 * 1000) {
      queueTimer = setTimeout(readQueues, Math.max(0, opens - Date.now()) + 1000);
    }
  }

  function queueRefusal(queue) {
    var name = queueName(queue);
    if (queue.closedReason === 'closed') {
      return name + ' is closed now.' + (queue.opensAt && !isNaN(Date.parse(queue.opensAt))
        ? ' It opens ' + whenOpens(new Date(queue.opensAt)) + '.' : '');
    }
    if (queue.closedReason === 'nobodySignedIn') {
      return 'Nobody is available for ' + name + ' right now. Please try again later.';
    }
    return name + ' does not take calls right now. Please try again later.';
  }

  // "today at 14:00", "tomorrow at 09:00", "Mon 09:00", "Mon 14 Dec 09:00", in the caller's own time.
  function whenOpens(date) {
    var time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    var today = new Date();
    today.setHours(0, 0, 0, 0);
    var day = new Date(date.getTime());
    day.setHours(0, 0, 0, 0);
    var days = Math.round((day.getTime() - today.getTime()) / 86400000);
    if (days <= 0) return 'today at ' + time;
    if (days === 1) return 'tomorrow at ' + time;
    if (days < 7) return date.toLocaleDateString(undefined, { weekday: 'short' }) + ' ' + time;
    return date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' }) + ' ' + time;
  }

  function renderDialButton() {
    $('dial-button').disabled = !devicesReady || dialing || !takesCalls(chosenQueue());
  }

  // --- the camera and microphone, before dialing --------------------------------------------

  function checkDevices() {
    var check = ++devicesChecked;
    stopPreview();
    setDevices('checking', 'Checking your camera and microphone…');
    var media = navigator.mediaDevices;
    if (!media || !media.getUserMedia) {
      setDevices('none', 'This browser cannot use a microphone on this page. Please open it in a current '
        + 'version of Chrome, Edge, Firefox or Safari, then press "Check again".');
      return;
    }
    media.getUserMedia({ audio: true, video: true }).then(function (stream) {
      if (check !== devicesChecked || started) return stopTracks(stream);
      showPreview(stream, true);
      setDevices('both', 'Camera and microphone are working.');
    }, function (cameraError) {
      return media.getUserMedia({ audio: true }).then(function (stream) {
        if (check !== devicesChecked || started) return stopTracks(stream);
        showPreview(stream, false);
        setDevices('microphone', "We can't use your camera: " + deviceReason(cameraError, 'camera')
          + '. You can call with your microphone only, or ' + cameraFix(cameraError) + ' and reload.');
      }, function (microphoneError) {
        if (check !== devicesChecked || started) return;
        setDevices('none', "We can't use your microphone: " + deviceReason(microphoneError, 'microphone') + '. '
          + microphoneFix(microphoneError) + ', then press "Check again".');
      });
    }).catch(function (unexpected) {
      if (check === devicesChecked) setDevices('none', 'Checking your camera and microphone failed: ' + unexpected.message);
    });
  }

  // state: checking | both | microphone | none
  function setDevices(state, message) {
    var status = $('device-status');
    status.textContent = message;
    status.className = (state === 'both') ? 'ok' : (state === 'checking' ? 'muted' : 'error');
    $('check-devices-button').hidden = state === 'checking' || state === 'both';
    var video = $('mode-video');
    video.disabled = state === 'microphone';
    if (state === 'microphone') $('mode-audio').checked = true;
    devicesReady = state === 'both' || state === 'microphone';
    renderDialButton();
  }

  // Why a device cannot be used, in words ("camera" or "microphone").
  function deviceReason(error, device) {
    switch (error && error.name) {
      case 'NotAllowedError': case 'SecurityError': return 'your browser blocks access to it';
      case 'NotFoundError': case 'OverconstrainedError': return 'no ' + device + ' was found';
      case 'NotReadableError': case 'AbortError': return 'it is in use by another app or could not be started';
      default: return CallCenter.describeMediaError(error);
    }
  }

  function cameraFix(error) {
    switch (error && error.name) {
      case 'NotFoundError': case 'OverconstrainedError': return 'plug in a camera';
      case 'NotReadableError': case 'AbortError': return 'close the other app that uses it';
      default: return "allow the camera in your browser's site settings";
    }
  }

  function microphoneFix(error) {
    switch (error && error.name) {
      case 'NotFoundError': case 'OverconstrainedError': return 'Plug in a microphone';
      case 'NotReadableError': case 'AbortError': return 'Close other apps that use the microphone';
      default: return "Allow the microphone in your browser's site settings";
    }
  }

  function showPreview(stream, withVideo) {
    preview = stream;
    var video = $('preview');
    video.muted = true; // never hear yourself
    video.srcObject = stream;
    var playing = video.play();
    if (playing && playing.catch) playing.catch(function () { /* autoplay refused: the picture stays still */ });
    $('preview-note').hidden = withVideo;
    $('preview-note').textContent = withVideo ? '' : 'Microphone only';
  }

  function stopPreview() {
    if (preview) stopTracks(preview);
    preview = null;
    $('preview').srcObject = null;
    $('preview-note').hidden = false;
    $('preview-note').textContent = 'No camera picture';
  }

  function stopTracks(stream) {
    stream.getTracks().forEach(function (track) { track.stop(); });
  }

  // --- dial, leave -------------------------------------------------------------------------

  function dial() {
    var name = $('name').value.trim();
    if (!name) {
      showDialError('Please tell us your name.');
      $('name').focus();
      return;
    }
    if ($('dial-button').disabled) return;
    dialing = true;
    renderDialButton();
    $('dial-error').hidden = true;
    var reason = $('reason').value.trim();
    var mode = document.querySelector('input[name=mode]:checked').value;
    var body = { name: name, reason: reason, mode: mode };
    var queueId = chosenQueueId();
    if (queueId) body.queue = queueId;
    CallCenter.api('POST', '/api/calls', { body: body }).then(function (dialed) {
      stored = {
        callId: dialed.call.id, callerToken: dialed.callerToken, session: dialed.session,
        name: name, reason: reason, mode: mode, queue: dialed.call.queue || queueId || null
      };
      save();
      dialing = false;
      start(dialed.call);
    }).catch(function (problem) {
      dialing = false;
      var queue = findQueue(queueId);
      var kind = CallCenter.problemKind(problem);
      if (kind === 'nobody-signed-in') kind = 'no-agents'; // the same refusal, as queue-service names it
      if (queue && (kind === 'queue-closed' || kind === 'no-agents')) {
        // it changed since the page read it: show it as the server says, then read the queues again
        queue.acceptsCalls = false;
        queue.closedReason = kind === 'queue-closed' ? 'closed' : 'nobodySignedIn';
        queue.opensAt = (problem.problem && typeof problem.problem.opensAt === 'string') ? problem.problem.opensAt : null;
        renderQueues();
      }
      if (kind === 'queue-closed' || kind === 'no-agents' || kind === 'unknown-queue') readQueues();
      renderDialButton();
      showDialError(dialProblem(problem, queue, queueId));
    });
  }

  // queue: the queue dialed as the page knows it (its status line then says why it takes no
  // calls, so the alert need not repeat it), else null; queueId: the id the dial named, if any.
  function dialProblem(problem, queue, queueId) {
    var kind = CallCenter.problemKind(problem);
    if (kind === 'nobody-signed-in') kind = 'no-agents';
    var name = queue ? queueName(queue) : (queueId ? '"' + queueId + '"' : 'the queue');
    if (kind === 'queue-closed') {
      if (queue) return 'Your call was not placed: ' + name + ' has closed.';
      var opensAt = problem.problem && typeof problem.problem.opensAt === 'string' ? Date.parse(problem.problem.opensAt) : NaN;
      return 'Your call was not placed: ' + name + ' is closed now.'
        + (isNaN(opensAt) ? '' : ' It opens ' + whenOpens(new Date(opensAt)) + '.');
    }
    if (kind === 'no-agents') {
      if (queue) return 'Your call was not placed: nobody is available for ' + name + ' any more.';
      return 'Your call was not placed: nobody is available for ' + name + ' right now. Please try again later.';
    }
    if (kind === 'unknown-queue') {
      return 'Your call was not placed: we do not have that queue' + (queues && queues.length > 1
        ? '. Please choose who you would like to talk to.' : '. Please reload the page.');
    }
    if (problem.status === 429) {
      return 'Too many calls are being placed from your network right now. Please try again in '
        + CallCenter.inSeconds(problem.retryAfter) + '.';
    }
    if (problem.network) return 'Connection trouble: we could not reach the call center. Please try again.';
    return CallCenter.problemText(problem) || 'The call could not be placed. Please try again.';
  }

  function showDialError(message) {
    $('dial-error').textContent = message;
    $('dial-error').hidden = false;
  }

  // Leaving always leaves: if the server cannot be told, closing the session ends the call there
  // once its grace period is over.
  function leave() {
    if (ended) return;
    if (!stored) {
      finish({ endReason: 'callerLeft' });
      return;
    }
    $('exit-button').disabled = true;
    CallCenter.api('DELETE', callUrl(), { headers: auth() }).then(function (call) {
      finish(call && call.state === 'ENDED' ? call : { endReason: 'callerLeft' });
    }).catch(function () {
      finish({ endReason: 'callerLeft' });
    });
  }

  // --- the call screens --------------------------------------------------------------------

  function start(call) {
    if (started || ended) return;
    started = true;
    stopPreview(); // the session takes the camera and microphone now
    devicesChecked++;
    $('dial-form').hidden = true;
    $('screen-resuming').hidden = true;
    $('call').hidden = false;
    $('exit-button').hidden = false;
    render(call);
    follow();
    join();
  }

  // Server push: a change to this call (or the stream opening) makes the page read its call again;
  // a queue move (which arrival joined or left the line) only updates the place in line, from the
  // move itself, so that one move does not make every waiting page read its call (queue-place.js).
  // The stream's URL carries a ticket that opens it for a few seconds, never the caller credential
  // (URLs end up in logs); a stream that is refused later (the ticket expired while the browser
  // reconnected by itself) is opened again with a new ticket.
  function follow() {
    if (events) events.close();
    events = null;
    var asked = {};
    following = asked;
    CallCenter.api('POST', callUrl() + '/event-tickets', { headers: auth() }).then(function (answer) {
      if (ended || following !== asked) return;
      listen(answer.ticket);
    }).catch(function (problem) {
      if (ended || following !== asked) return;
      if (problem.status === 401 || problem.status === 403) {
        refresh();
        return;
      }
      showCallError(problem.network ? 'Connection trouble: retrying…' : CallCenter.problemText(problem) + ' Retrying…');
      setTimeout(function () { if (!ended && following === asked) follow(); }, 3000);
    });
  }

  function listen(ticket) {
    var source = new EventSource(callUrl() + '/events?ticket=' + encodeURIComponent(ticket));
    events = source;
    source.addEventListener('ready', refresh);
    source.addEventListener('ready', function () { chat.reread(); }); // pushed while reconnecting: missed
    source.addEventListener('call', function (event) {
      var change = parseJson(event.data);
      if (chat.pushed(change)) return; // a chat message changes nothing else of the call
      // an older gateway may push no details: then the page just reads its call again
      if (change && change.type) backInLine = change.type === 'QUEUED' && !!KEPT_PLACE[change.reason];
      refresh();
    });
    source.addEventListener('queue', function (event) {
      // a notice carries the moves of a moment, in order (one object from an older gateway)
      var data = parseJson(event.data);
      var moves = Array.isArray(data) ? data : [data];
      var changed = false;
      for (var i = 0; i < moves.length; i++) {
        if (!moves[i] || typeof moves[i].version !== 'number') {
          refresh(); // a server that does not say what moved
          return;
        }
        if (queuePlace.move(moves[i])) changed = true;
      }
      if (changed) renderPlace();
    });
    source.addEventListener('agents', function (event) {
      var data = parseJson(event.data);
      if (data && typeof data.agentsOnline === 'number' && lastCall) {
        // the agents of this call's own queue, when the server counts them per queue: agents
        // of other queues are no help to this caller
        var own = data.queues && lastCall.queue ? data.queues[lastCall.queue] : null;
        lastCall.agentsOnline = own ? own.online : data.agentsOnline;
        if (own) lastCall.agentsServing = own.serving;
        else if (typeof data.agentsServing === 'number') lastCall.agentsServing = data.agentsServing;
        renderNoAgent();
        renderEstimate();
      }
    });
    // the callers ahead of this one with its agent changed (one was taken, ended, moved): the
    // notice says nothing of them, the page reads its own call (aheadWithAgent) once
    source.addEventListener('line', refresh);
    source.addEventListener('call', transferNews);
    source.addEventListener('error', function () {
      // the browser reconnects by itself unless the server refused the stream: then look again
      if (ended || source !== events || source.readyState !== EventSource.CLOSED) return;
      refresh();
      var asked = following;
      setTimeout(function () { if (!ended && source === events && following === asked) follow(); }, 3000);
    });
  }

  function parseJson(text) {
    try {
      return JSON.parse(text);
    } catch (notJson) {
      return null;
    }
  }

  var refresh = CallCenter.coalesce(function () {
    if (ended || !stored) return null;
    return CallCenter.api('GET', callUrl(), { headers: auth() }).then(function (current) {
      clearCallError();
      render(current);
    }).catch(function (problem) {
      if (ended) return;
      if (problem.status === 401 || problem.status === 403 || problem.status === 404) {
        finish(lastCall && lastCall.state === 'ENDED' ? lastCall : { endReason: null });
        return;
      }
      showCallError(problem.network ? 'Connection trouble: retrying…' : CallCenter.problemText(problem) + ' Retrying…');
      clearTimeout(retryTimer);
      retryTimer = setTimeout(refresh, 3000);
    });
  });

  function render(current) {
    if (!current || ended) return;
    lastCall = current;
    queuePlace.read(current);
    if (current.state === 'ENDED') {
      finish(current);
      return;
    }
    // OFFERED: an agent's console is ringing with this call, as good as ASSIGNED to the caller
    var waiting = current.state === 'WAITING' || current.state === 'ASSIGNED' || current.state === 'OFFERED';
    $('screen-waiting').hidden = !waiting;
    $('screen-onhold').hidden = current.state !== 'ON_HOLD';
    $('screen-oncall').hidden = current.state !== 'ON_CALL';
    if (current.state === 'WAITING') {
      setText($('waiting-title'), 'You are in the queue');
      renderPlace();
    } else if (current.state === 'ASSIGNED' || current.state === 'OFFERED') {
      setText($('waiting-title'), 'An agent will be with you shortly');
      $('position-line').hidden = true;
    }
    renderAhead();
    renderEstimate();
    $('kept-place').hidden = !(current.state === 'WAITING' && backInLine);
    renderNoAgent();
    if (waiting && !waitedTimer) {
      renderWaited();
      waitedTimer = setInterval(renderWaited, 1000);
    }
    if (!waiting && waitedTimer) {
      clearInterval(waitedTimer);
      waitedTimer = null;
    }
    renderControls();
    renderTransfer(current);
    renderConsult(current);
    renderChat(current);
  }

  // The place from the latest read and the moves pushed since (a read older than those moves
  // does not set it back).
  function renderPlace() {
    if (!lastCall || lastCall.state !== 'WAITING') return;
    var place = queuePlace.place();
    if (place === null) place = lastCall.queuePosition; // a server that numbers no moves
    $('position-line').hidden = place == null;
    setText($('queue-position'), String(place));
    renderEstimate();
  }

  // Given to an agent, not taken yet: how many of the agent's callers come first (its callers
  // wait in order; the agent takes one at a time).
  function renderAhead() {
    var ahead = lastCall && (lastCall.state === 'ASSIGNED' || lastCall.state === 'OFFERED')
      ? lastCall.aheadWithAgent : null;
    var line = $('ahead-line');
    line.hidden = !(typeof ahead === 'number' && ahead > 0);
    if (!line.hidden) {
      setText(line, ahead + (ahead === 1 ? ' caller' : ' callers') + ' ahead of you with your agent');
    }
  }

  // The expected wait beside the place (or the callers ahead with the agent), from the latest
  // read's figures and what was pushed since: js/expected-wait.js says how.
  function renderEstimate() {
    var words = null;
    if (lastCall && (lastCall.state === 'WAITING' || lastCall.state === 'ASSIGNED' || lastCall.state === 'OFFERED')) {
      var withAgent = lastCall.state !== 'WAITING';
      var place = queuePlace.place();
      words = CallCenter.ExpectedWait.describe({
        place: withAgent ? null : (place !== null ? place : lastCall.queuePosition),
        aheadWithAgent: withAgent ? (typeof lastCall.aheadWithAgent === 'number' ? lastCall.aheadWithAgent : 0) : null,
        agentsOnline: lastCall.agentsOnline,
        agentsServing: lastCall.agentsServing,
        averageHandleSeconds: lastCall.averageHandleSeconds
      });
    }
    $('wait-line').hidden = words === null;
    if (words !== null) setText($('expected-wait'), words);
  }

  function renderWaited() {
    if (lastCall) setText($('time-waited'), CallCenter.elapsed(lastCall.joinedAt));
  }

  function renderNoAgent() {
    $('no-agent').hidden = !(lastCall && lastCall.state === 'WAITING' && lastCall.agentsOnline === 0);
  }

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  function showCallError(message) {
    setText($('call-error'), message);
    $('call-error').hidden = false;
  }

  function clearCallError() {
    $('call-error').hidden = true;
  }

  // --- transfers -----------------------------------------------------------------------------

  // Its agent may transfer the call: to another agent (reason `transferred`: "You are being
  // transferred to Bob" until Bob takes the call; the name is the call's agentName, which the
  // pushed change does not carry, so the page reads its call as for any change), or back to the
  // queue (`transferredToQueue`: back in line at its place, or straight to another agent). The
  // first agent leaving the video session meanwhile is expected: its stream goes, the caller's
  // own connection and camera stay for the next agent.
  // A page loaded (or reloaded) in the middle of a transfer heard no pushed change: its first read
  // tells it instead. A call waiting for an agent (ASSIGNED, OFFERED) that an agent transferred
  // (`transferredBy`) is being transferred, as the pushed change would have said. The call keeps
  // `transferredBy` after the transfer, so only a read before any pushed change or talk decides.
  var transferring = null;  // the latest change's transfer reason while it applies, else null
  var transferHeard = false; // a pushed change (or the call being taken) has said what applies

  function transferNews(event) {
    var change = parseJson(event.data);
    if (!change || !change.type) return; // an older gateway: nothing to tell
    transferHeard = true;
    if (change.reason === 'transferred' || change.reason === 'transferredToQueue') {
      transferring = change.reason;
    } else if (change.type === 'QUEUED' || change.type === 'ASSIGNED' || change.type === 'OFFERED') {
      transferring = null; // moved on since (given to another agent, back in line for another reason)
    }
  }

  function renderTransfer(current) {
    if (current.state !== 'WAITING' && current.state !== 'ASSIGNED' && current.state !== 'OFFERED') {
      transferring = null; // taken (or on hold, ended): the transfer is over
      transferHeard = true;
    } else if (!transferHeard && current.transferredBy && current.state !== 'WAITING') {
      transferring = 'transferred';
    }
    var note = $('transfer-status');
    if (!transferring) {
      note.hidden = true;
      return;
    }
    var toAgent = current.state !== 'WAITING';
    if (toAgent) {
      // OFFERED is as good as ASSIGNED for the caller: its next agent's console rings
      $('screen-waiting').hidden = false;
      $('position-line').hidden = true;
      setText($('waiting-title'), current.agentName ? 'You are being transferred to ' + current.agentName
        : 'You are being transferred to another agent');
      setText(note, 'Please stay on this page: your call continues as soon as your new agent takes it.');
    } else {
      setText($('waiting-title'), 'You are back in line, keeping your place');
      setText(note, 'Your agent passed your call back to the queue. The next free agent takes it.');
    }
    note.hidden = false;
  }

  // --- warm transfer ---------------------------------------------------------------------------

  // The agent may ask a colleague to join the call (the call's consultAgentName): "Alice is asking
  // Bob to join your call", then both agents' videos side by side; when the colleague takes the
  // call over (the call's agent becomes the colleague), "You are now talking with Bob".
  var consulted = null; // {agent, colleague} while a consult applies, then until the call moves on

  function renderConsult(current) {
    var line = $('consult-status');
    var text = '';
    if (current.state === 'ON_CALL' && current.consultAgentName) {
      var agent = current.agentName || 'Your agent';
      consulted = { agent: agent, colleague: current.consultAgentName };
      text = current.consultJoined ? current.consultAgentName + ' joined your call with ' + agent
        : agent + ' is asking ' + current.consultAgentName + ' to join your call';
    } else if (consulted && current.state === 'ON_CALL' && current.agentName === consulted.colleague) {
      text = 'You are now talking with ' + consulted.colleague;
    } else {
      consulted = null;
    }
    setText(line, text);
    line.hidden = !text;
  }

  // --- chat ----------------------------------------------------------------------------------

  // While talking with the agent or on hold, caller and agent can type (to spell an order number,
  // when the sound is bad): js/chat.js. The transcript is read when the panel shows (also after a
  // reload); pushed messages come as `call` events of type MESSAGE.
  var chat = CallCenter.Chat({ me: 'caller', headers: function () { return auth(); } });

  function renderChat(current) {
    if (current.state === 'ON_CALL' || current.state === 'ON_HOLD') {
      chat.show(stored.callId, callUrl() + '/messages',
        current.agentName ? 'Chat with ' + current.agentName : 'Chat with your agent');
    } else {
      chat.hide();
    }
  }

  // --- media ---------------------------------------------------------------------------------

  function join() {
    if (ended || !stored) return;
    CallCenter.loadOpenTok().then(function () {
      if (ended) return;
      var credentials = stored.session;
      var s = OT.initSession(credentials.apiKey, credentials.sessionId);
      session = s;
      agentStreams = {};
      s.on({
        streamCreated: function (event) { if (s === session && !ended) subscribe(s, event.stream); },
        streamDestroyed: function (event) {
          if (s !== session) return;
          delete agentStreams[event.stream.streamId];
          renderMedia();
        },
        streamPropertyChanged: function () { if (s === session) renderMedia(); },
        'signal:agentConnected': refresh,
        'signal:hold': refresh,
        'signal:unhold': refresh,
        'signal:endCall': function () { if (s === session) agentEnded(); },
        sessionDisconnected: function () { if (s === session && !ended) lost(s); }
      });
      connect(s, credentials.token, 1);
    }).catch(function (error) {
      if (!ended) showCallError('We could not start the video: ' + error.message + '. Please reload the page.');
    });
  }

  // A connection that fails (a network blip, a busy server) is tried again a few times.
  function connect(s, token, attempt) {
    connecting = true;
    s.connect(token, function (error) {
      if (s !== session) return;
      connecting = false;
      if (ended) {
        // left while connecting: disconnect now that the connection is complete
        CallCenter.quietly(function () { s.disconnect(); });
        return;
      }
      if (error) {
        if (attempt < 5) {
          retryTimer = setTimeout(function () { if (!ended && s === session) connect(s, token, attempt + 1); }, 1000 * attempt);
        } else {
          showCallError('We could not connect your call: ' + error.message + '. Please check your connection and reload the page.');
        }
        return;
      }
      clearCallError();
      confirmConnection(s, 1);
      publish(s, stored.mode !== 'audioOnly' && !cameraFailed);
    });
  }

  // Tells the call center this page is connected, on which connection. OpenTok's webhook says the
  // same when the project's session monitoring is set up; when it is not (or points elsewhere),
  // this is what lets an agent take the call. Webhooks still decide when the caller has left.
  function confirmConnection(s, attempt) {
    if (!s.connection || s !== session || ended) return;
    CallCenter.api('POST', '/api/calls/' + stored.callId + '/connection', {
      headers: auth(), body: { connectionId: s.connection.connectionId }
    }).catch(function (problem) {
      if (problem.network && attempt < 5 && s === session && !ended) {
        setTimeout(function () { confirmConnection(s, attempt + 1); }, 1000 * attempt);
      } else {
        refresh(); // ended meanwhile, or refused: read what the call is now
      }
    });
  }

  // A camera that fails during the call leaves the caller on the microphone alone rather than mute.
  function publish(s, withVideo) {
    CallCenter.publish(s, withVideo, {
      props: function (video) {
        return {
          insertMode: 'append', width: '100%', height: '100%', name: stored.name,
          resolution: '640x480', frameRate: 15,
          videoSource: video ? undefined : null, publishVideo: video && !cameraOff, publishAudio: !muted
        };
      },
      adopt: function (p) { publisher = p; },
      isCurrent: function (p) { return publisher === p; },
      published: renderMedia,
      failed: function (error, kind) {
        publisher = null;
        if (ended || s !== session) return false;
        var reason = CallCenter.describeMediaError(error);
        if (kind === 'camera') {
          cameraFailed = true;
          showCallError("We can't use your camera (" + reason + '), so your agent will only hear you.');
        } else if (kind === 'devices') {
          showCallError("We can't use your microphone: " + reason + ". Your agent cannot hear you. Allow the "
            + "microphone in your browser's site settings, then reload the page.");
        } else {
          var devices = (stored.mode === 'audioOnly' || cameraFailed) ? 'microphone' : 'camera and microphone';
          showCallError('We could not share your ' + devices + ': ' + error.message + '. Please reload the page.');
        }
        renderMedia();
        return true;
      }
    });
    renderMedia();
  }

  function subscribe(s, stream) {
    agentStreams[stream.streamId] = stream;
    try {
      s.subscribe(stream, 'agent-video', { insertMode: 'append', width: '100%', height: '100%' }, function (error) {
        if (error && s === session && !ended) showCallError("We could not show your agent's video: " + error.message);
      });
    } catch (error) {
      showCallError("We could not show your agent's video: " + error.message);
    }
    renderMedia();
  }

  // The session dropped (a network blip): the call is kept on the server for a while, so join again.
  function lost(s) {
    var gone = publisher;
    publisher = null;
    if (gone) CallCenter.quietly(function () { gone.destroy(); });
    agentStreams = {};
    $('agent-video').replaceChildren();
    renderMedia();
    refresh();
    setTimeout(function () { if (!ended && s === session) join(); }, 2000);
  }

  function renderMedia() {
    var streams = Object.keys(agentStreams).map(function (id) { return agentStreams[id]; });
    $('agent-placeholder').hidden = streams.length > 0;
    setText($('agent-placeholder'), 'Connecting to your agent…');
    $('agent-video').classList.toggle('several', streams.length > 1); // two agents during a warm transfer: side by side
    var lines = [];
    if (streams.length > 0 && streams.every(function (stream) { return stream.hasVideo === false; })) {
      lines.push('Audio only — your agent has no video');
    }
    var audioOnly = !stored || stored.mode === 'audioOnly' || cameraFailed;
    if (audioOnly) {
      lines.push('Audio only — your agent hears you but cannot see you');
    } else if (cameraOff) {
      lines.push('Your camera is off — your agent cannot see you');
    }
    if (muted) lines.push('You are muted — your agent cannot hear you');
    setText($('stage-label'), lines.join('. '));
    $('stage-label').hidden = lines.length === 0;
    $('self-video').hidden = audioOnly; // nothing to show of a caller without a camera
    renderControls();
  }

  function renderControls() {
    var inCall = !ended && !!lastCall && lastCall.state === 'ON_CALL' && !!publisher;
    $('call-controls').hidden = !inCall;
    var mute = $('mute-button');
    mute.setAttribute('aria-pressed', String(muted));
    setText(mute, muted ? 'Unmute' : 'Mute');
    var camera = $('camera-button');
    camera.hidden = !stored || stored.mode === 'audioOnly' || cameraFailed;
    camera.setAttribute('aria-pressed', String(cameraOff));
    setText(camera, cameraOff ? 'Camera on' : 'Camera off');
  }

  // --- the end -------------------------------------------------------------------------------

  // The agent's endCall signal: read the call to say how it ended; if that fails, trust the signal.
  function agentEnded() {
    if (ended) return;
    CallCenter.api('GET', callUrl(), { headers: auth() }).then(function (current) {
      finish(current && current.state === 'ENDED' ? current : endedByAgent(lastCall));
    }).catch(function () {
      finish(endedByAgent(lastCall));
    });
  }

  function endedByAgent(call) {
    return { endReason: 'agentEnded', callStartedAt: call ? call.callStartedAt : null };
  }

  function endMessage(call) {
    if (call.endReason === 'agentEnded' && !call.callStartedAt) {
      return 'Your call was closed before an agent could take it.';
    }
    return END_MESSAGES[call.endReason] || 'The call has ended. Thank you for calling.';
  }

  function finish(call) {
    if (ended) return;
    ended = true;
    forget();
    clearTimeout(retryTimer);
    if (events) events.close();
    if (waitedTimer) clearInterval(waitedTimer);
    queuePlace.stop();
    stopPreview();
    var gone = publisher;
    publisher = null;
    if (gone) CallCenter.quietly(function () { gone.destroy(); });
    // a session still connecting is disconnected by its connect callback
    if (session && !connecting) CallCenter.quietly(function () { session.disconnect(); });
    $('call').hidden = true;
    $('exit-button').hidden = true;
    $('dial-form').hidden = true;
    $('screen-resuming').hidden = true;
    $('end-message').textContent = endMessage(call || {});
    $('screen-ended').hidden = false;
  }
})();
