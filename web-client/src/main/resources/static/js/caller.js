/* The caller's page: dial, wait with a live queue position, talk, be put on hold, leave.
   Updates arrive by server-sent events; all user text is set with textContent. */
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var call = null;        // {id, token, joinedAt}
  var session = null;
  var events = null;
  var ended = false;
  var waitedTimer = null;

  var END_MESSAGES = {
    agentEnded: 'Your agent ended the call. Thank you for calling.',
    callerLeft: 'You left the call.',
    callerDisconnected: 'You were disconnected.',
    neverConnected: 'We could not connect your call. Please try again.'
  };

  $('dial-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var name = $('name').value.trim();
    if (!name) {
      showDialError('Please tell us your name.');
      return;
    }
    $('dial-button').disabled = true;
    var mode = document.querySelector('input[name=mode]:checked').value;
    fetch('/api/calls', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: name, reason: $('reason').value.trim(), mode: mode })
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body.detail || 'The call could not be placed.');
        return body;
      });
    }).then(function (dialed) {
      call = { id: dialed.call.id, token: dialed.callerToken, joinedAt: dialed.call.joinedAt };
      $('dial-form').hidden = true;
      $('call').hidden = false;
      $('exit-button').hidden = false;
      render(dialed.call);
      follow();
      join(dialed.session, mode);
    }).catch(function (error) {
      $('dial-button').disabled = false;
      showDialError(error.message);
    });
  });

  $('exit-button').addEventListener('click', function () {
    if (!call) return;
    fetch('/api/calls/' + call.id, { method: 'DELETE', headers: auth() }).finally(function () {
      finish('callerLeft');
    });
  });

  function showDialError(message) {
    $('dial-error').textContent = message;
    $('dial-error').hidden = false;
  }

  function auth() {
    return { Authorization: 'Bearer ' + call.token };
  }

  // Server push: any change to this call, or to the queue, makes the page read its call again.
  function follow() {
    events = new EventSource('/api/calls/' + call.id + '/events?token=' + encodeURIComponent(call.token));
    ['ready', 'call', 'queue'].forEach(function (type) {
      events.addEventListener(type, refresh);
    });
  }

  function refresh() {
    if (ended) return;
    fetch('/api/calls/' + call.id, { headers: auth() }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (current) {
      if (current) render(current);
    });
  }

  function render(current) {
    if (current.state === 'ENDED') {
      finish(current.endReason);
      return;
    }
    var waiting = current.state === 'WAITING' || current.state === 'ASSIGNED';
    $('screen-waiting').hidden = !waiting;
    $('screen-onhold').hidden = current.state !== 'ON_HOLD';
    $('screen-oncall').hidden = current.state !== 'ON_CALL';
    if (current.state === 'WAITING') {
      $('waiting-title').textContent = 'You are in the queue';
      $('position-line').hidden = false;
      $('queue-position').textContent = String(current.queuePosition);
    } else if (current.state === 'ASSIGNED') {
      $('waiting-title').textContent = 'An agent will be with you shortly';
      $('position-line').hidden = true;
    }
    if (waiting && !waitedTimer) {
      waitedTimer = setInterval(function () { $('time-waited').textContent = CallCenter.elapsed(call.joinedAt); }, 1000);
    }
    if (!waiting && waitedTimer) {
      clearInterval(waitedTimer);
      waitedTimer = null;
    }
  }

  function join(credentials, mode) {
    CallCenter.loadOpenTok().then(function () {
      session = OT.initSession(credentials.apiKey, credentials.sessionId);
      session.on({
        streamCreated: function (event) {
          $('agent-placeholder').hidden = true;
          session.subscribe(event.stream, 'agent-video', { insertMode: 'append', width: '100%', height: '100%' });
        },
        streamDestroyed: function () { $('agent-placeholder').hidden = false; },
        'signal:agentConnected': refresh,
        'signal:hold': refresh,
        'signal:unhold': refresh,
        'signal:endCall': function () { finish('agentEnded'); },
        sessionDisconnected: function () { if (!ended) refresh(); }
      });
      var audioOnly = mode === 'audioOnly';
      var publisher = OT.initPublisher('self-video', {
        insertMode: 'append', width: '100%', height: '100%', name: $('name').value.trim(),
        resolution: '640x480', frameRate: 15,
        videoSource: audioOnly ? null : undefined, publishVideo: !audioOnly
      });
      connect(credentials.token, publisher, 1);
    });
  }

  // A connection that fails (a network blip, a busy server) is tried again a few times.
  function connect(token, publisher, attempt) {
    session.connect(token, function (error) {
      if (!error) {
        session.publish(publisher);
      } else if (attempt < 5 && !ended) {
        setTimeout(function () { connect(token, publisher, attempt + 1); }, 1000 * attempt);
      }
    });
  }

  function finish(reason) {
    if (ended) return;
    ended = true;
    if (events) events.close();
    if (waitedTimer) clearInterval(waitedTimer);
    if (session) session.disconnect();
    $('call').hidden = true;
    $('exit-button').hidden = true;
    $('dial-form').hidden = true;
    $('end-message').textContent = END_MESSAGES[reason] || 'The call has ended. Thank you for calling.';
    $('screen-ended').hidden = false;
  }
})();
