/* The agent console: go online, see your callers live, accept (switching puts the current call on
   hold), hold, resume, end, sign out. Updates arrive by server-sent events; all user text is set
   with textContent. */
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var BADGES = { ASSIGNED: 'Waiting', ON_CALL: 'On call', ON_HOLD: 'On hold' };
  var current = null; // {callId, session}
  var callers = [];

  var displayName = null;
  var events = null;

  // Going online happens each time the live stream (re)connects, so an agent whose console was
  // away long enough to be taken offline is back online as soon as the console is.
  fetch('/api/agent/profile').then(json).then(function (profile) {
    displayName = profile.displayName;
    $('agent-name').textContent = profile.displayName;
    events = new EventSource('/api/agent/events');
    events.addEventListener('ready', goOnline);
    events.addEventListener('callers', refresh);
  });

  function goOnline() {
    fetch('/api/agent', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName: displayName })
    }).then(function (response) {
      if (response.status === 401) {
        location.href = '/login';
        return;
      }
      if (!response.ok) throw new Error('could not go online');
      $('console-error').hidden = true;
      refresh();
    }).catch(function () {
      $('console-error').hidden = false;
      setTimeout(goOnline, 2000);
    });
  }

  setInterval(renderWaited, 1000);

  $('exit-form').addEventListener('submit', function (event) {
    event.preventDefault();
    if (events) events.close(); // nothing more to hear once signing out
    leaveCall();
    fetch('/api/agent', { method: 'DELETE' }).finally(function () { $('exit-form').submit(); });
  });

  $('callers').addEventListener('click', function (event) {
    var button = event.target.closest('button[data-action]');
    if (!button) return;
    var callId = button.closest('.card').dataset.callId;
    act(callId, button.dataset.action);
  });

  function json(response) {
    if (response.status === 401) {
      location.href = '/login';
      throw new Error('signed out');
    }
    return response.json();
  }

  function refresh() {
    fetch('/api/agent/callers').then(json).then(function (list) {
      callers = list;
      render();
    });
  }

  function render() {
    var list = $('callers');
    list.replaceChildren();
    callers.forEach(function (caller) {
      var card = $('caller-card').content.firstElementChild.cloneNode(true);
      card.dataset.callId = caller.id;
      card.classList.toggle('active', caller.state === 'ON_CALL');
      card.querySelector('.name').textContent = caller.name;
      card.querySelector('.reason').textContent = caller.reason || 'No reason given';
      var badge = card.querySelector('.badge');
      badge.textContent = BADGES[caller.state] || caller.state;
      badge.classList.add(caller.state);
      card.querySelector('.waited').dataset.since = caller.joinedAt;
      card.querySelector('[data-action=accept]').hidden = caller.state !== 'ASSIGNED';
      card.querySelector('[data-action=hold]').hidden = caller.state !== 'ON_CALL';
      card.querySelector('[data-action=resume]').hidden = caller.state !== 'ON_HOLD';
      list.appendChild(card);
    });
    $('no-callers').hidden = callers.length > 0;
    renderWaited();
  }

  function renderWaited() {
    document.querySelectorAll('#callers .waited').forEach(function (line) {
      line.textContent = 'Called ' + CallCenter.elapsed(line.dataset.since) + ' ago';
    });
  }

  function act(callId, action) {
    fetch('/api/agent/callers/' + callId + '/' + action, { method: 'POST' }).then(json).then(function (answer) {
      if (action === 'accept' || action === 'resume') {
        joinCall(callId, answer.session, answer.call);
      } else if (current && current.callId === callId) {
        leaveCall();
      }
      refresh();
    });
  }

  function joinCall(callId, credentials, call) {
    leaveCall();
    CallCenter.loadOpenTok().then(function () {
      var session = OT.initSession(credentials.apiKey, credentials.sessionId);
      current = { callId: callId, session: session };
      session.on('streamCreated', function (event) {
        $('stage-placeholder').hidden = true;
        session.subscribe(event.stream, 'caller-video', { insertMode: 'append', width: '100%', height: '100%' });
      });
      $('self-video').hidden = false;
      var publisher = OT.initPublisher('self-video', {
        insertMode: 'append', width: '100%', height: '100%', resolution: '640x480', frameRate: 15
      });
      session.connect(credentials.token, function (error) {
        if (!error) session.publish(publisher);
      });
      $('stage-caption').textContent = 'Talking with ' + call.name;
    });
  }

  function leaveCall() {
    if (!current) return;
    current.session.disconnect();
    current = null;
    $('caller-video').replaceChildren();
    $('self-video').replaceChildren();
    $('self-video').hidden = true;
    $('stage-placeholder').hidden = false;
    $('stage-caption').textContent = '';
  }
})();
