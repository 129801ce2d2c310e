/* The supervisors' dashboard. Everything comes by push on /api/supervisor/events:
   - `figures` {key, offset, value}: a changed figure of stats-service, `value` being what its
     REST API answers for `key` (`live`: GET /api/stats/live; `agent:<id>`: that agent's entry of
     GET /api/stats/agents; `interval:<start>`: that quarter hour's entry of
     GET /api/stats/intervals). The stream starts with the latest `live` and `agent:*`; a key's
     value with a lower offset than the one shown is older and ignored.
   - `waiting`: the line of waiting callers may have changed; the page reads /api/queue once
     (one read in flight, CallCenter.coalesce).
   The chart reads today's quarter hours once when the stream opens, then takes the pushed ones.
   Nothing polls: timers only tick the waits and times in state, from the times the server gave. */
(function (CallCenter) {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var QUARTER = 15 * 60 * 1000;

  var offsets = {};          // key -> offset of the value shown
  var live = null;           // GET /api/stats/live
  var agents = {};           // agent id -> its figures
  var names = {};            // agent id -> display name (from /api/queue)
  var waiting = [];          // [{id, name, reason, since, queue}], next first
  var queues = null;         // {names: display name by queue id, count} (GET /api/queues)
  var quarters = {};         // start (ms) -> figures of today's quarter hours
  var chart = null;
  var chartSlots = 0;

  // --- reads --------------------------------------------------------------------------------

  // Whether OpenTok's session-monitoring webhooks arrive (read with the queue): calls still work
  // without them, but the project's callback URL needs fixing, which a supervisor can have done.
  function renderMonitoring(notice) {
    var banner = $('monitoring-banner');
    var missing = !!notice && notice.callbacksArriving === false;
    banner.hidden = !missing;
    banner.textContent = missing ? (notice.problem || 'Session monitoring callbacks are not arriving.') : '';
  }

  var readQueue = CallCenter.coalesce(function () {
    return CallCenter.api('GET', '/api/queue').then(function (queue) {
      clearError('queue');
      var calls = {};
      (queue.liveCalls || []).forEach(function (call) { calls[call.id] = call; });
      (queue.agents || []).forEach(function (agent) { names[agent.id] = agent.displayName || agent.id; });
      waiting = (queue.pendingCallIds || []).map(function (id) {
        var call = calls[id] || {};
        return { id: id, name: call.name || 'A caller', reason: call.reason || '', since: Date.parse(call.joinedAt),
          queue: call.queue || '' };
      });
      renderWaiting();
      renderAgents();
      renderMonitoring(queue.sessionMonitoring);
    }).catch(function (problem) {
      if (problem.status === 401) location.assign('/login');
      else showError(problem, 'queue');
    });
  });

  var readChart = CallCenter.coalesce(function () {
    var from = new Date(midnight()).toISOString();
    return CallCenter.api('GET', '/api/stats/intervals?from=' + encodeURIComponent(from)).then(function (list) {
      clearError('chart');
      (list || []).forEach(function (interval) {
        var start = Date.parse(interval.start);
        // a quarter hour pushed since the stream opened is newer than this read
        if (!offsets['interval:' + interval.start]) quarters[start] = interval.figures;
      });
      drawChart();
    }).catch(function (problem) {
      // 503 while stats-service loads its stores: the pushed quarter hours still come
      showError(problem, 'chart');
    });
  });

  // The figures as stats-service answers them now, once per opened stream: the stream brings the
  // latest it has, but a gateway that has read nothing of the figures yet (started before
  // stats-service published) has none to give. A pushed value, even an older one, wins: it comes
  // with an offset, so only a key nothing was pushed for yet takes the value read.
  var readFigures = CallCenter.coalesce(function () {
    var liveRead = CallCenter.api('GET', '/api/stats/live').then(function (figures) {
      if (offsets.live == null) apply('live', figures);
    });
    var agentList = CallCenter.api('GET', '/api/stats/agents').then(function (list) {
      (list || []).forEach(function (agent) {
        if (offsets['agent:' + agent.agentId] == null) agents[agent.agentId] = agent;
      });
      renderAgents();
    });
    return Promise.all([liveRead, agentList]).then(function () {
      clearError('figures');
    }, function (problem) {
      showError(problem, 'figures');
    });
  });

  // --- the stream -----------------------------------------------------------------------------

  function listen() {
    var source = new EventSource('/api/supervisor/events');
    source.addEventListener('ready', function () {
      $('live-status').textContent = 'Live';
      clearError('stream');
      if (!queues) readQueueNames();
      readQueue();
      readFigures();
      readChart();
    });
    source.addEventListener('figures', function (message) {
      var change = JSON.parse(message.data);
      if (offsets[change.key] != null && offsets[change.key] >= change.offset) return;
      offsets[change.key] = change.offset;
      apply(change.key, change.value);
    });
    source.addEventListener('waiting', function () { readQueue(); });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) {
        // refused (signed out, or not a supervisor): find out which, and say so
        $('live-status').textContent = 'Not connected';
        CallCenter.api('GET', '/api/queue').then(function () {
          setTimeout(listen, 3000);
        }, function (problem) {
          if (problem.status === 401) {
            location.assign('/login');
          } else {
            showError(problem, 'stream');
            if (problem.status !== 403) setTimeout(listen, 3000);
          }
        });
      } else {
        $('live-status').textContent = 'Reconnecting…';
      }
    };
  }

  function apply(key, value) {
    if (key === 'live') {
      var before = live;
      live = value;
      renderTiles();
      if (before && before.waitingNow !== live.waitingNow) {
        announce(live.waitingNow === 0 ? 'No one is waiting.' : plural(live.waitingNow, 'caller', 'callers') + ' waiting.');
      }
    } else if (key.indexOf('agent:') === 0) {
      agents[value.agentId] = value;
      renderAgents();
    } else if (key.indexOf('interval:') === 0) {
      quarters[Date.parse(value.start)] = value.figures;
      drawChart();
    }
  }

  // --- tiles ----------------------------------------------------------------------------------

  // The rate leaves out callers who hung up within seconds (a misdial, a change of mind): the
  // note says how many, so that "0 %" beside "1 gave up" reads right.
  function abandonedNote(today) {
    var counted = today.abandoned - today.shortAbandoned;
    var note = plural(counted, 'caller', 'callers') + ' of ' + (today.offered - today.shortAbandoned) + ' gave up';
    return today.shortAbandoned > 0 ? note + ' (' + today.shortAbandoned + ' more within seconds, not counted)' : note;
  }

  function renderTiles() {
    var today = live.today || {};
    tile('tile-waiting', String(live.waitingNow), live.waitingNow === 0 ? 'No one is waiting' : 'callers not yet with an agent');
    $('tile-waiting').classList.toggle('alert', live.waitingNow > 0);
    tile('tile-service-level', percent(today.serviceLevel),
      today.serviceLevel == null ? 'No calls answered or abandoned yet today'
        : today.answeredInThreshold + ' of ' + (today.answered + today.abandoned - today.shortAbandoned) + ' answered in time');
    tile('tile-abandoned', percent(today.abandonRate),
      today.abandonRate == null ? 'No calls yet today'
        : abandonedNote(today));
    tile('tile-asa', seconds(today.averageSpeedOfAnswerSeconds),
      today.averageSpeedOfAnswerSeconds == null ? 'No calls answered yet today' : plural(today.answered, 'call', 'calls') + ' answered');
    tile('tile-aht', seconds(today.averageHandleSeconds),
      today.averageHandleSeconds == null ? 'No calls handled yet today' : plural(today.handled, 'call', 'calls') + ' handled');
    tickLongestWait();
  }

  // from the oldest waiting caller: it reached the center longestWaitSeconds before `at`
  function tickLongestWait() {
    if (!live) return;
    if (!live.waitingNow) {
      tile('tile-longest', '—', 'No one is waiting');
      $('tile-longest').classList.remove('alert');
      return;
    }
    var since = Date.parse(live.at) - live.longestWaitSeconds * 1000;
    var waited = Math.max(0, Date.now() - since);
    tile('tile-longest', duration(waited), 'the oldest waiting caller');
    $('tile-longest').classList.add('alert');
  }

  function tile(id, value, note) {
    var element = $(id);
    setText(element.querySelector('[data-value]'), value);
    setText(element.querySelector('[data-note]'), note);
  }

  // --- the waiting callers, in place by call id -----------------------------------------------

  function renderWaiting() {
    var list = $('waiting');
    var existing = {};
    Array.prototype.forEach.call(list.children, function (item) { existing[item.dataset.callId] = item; });
    waiting.forEach(function (caller, index) {
      var item = existing[caller.id];
      delete existing[caller.id];
      if (!item) {
        item = $('waiting-template').content.firstElementChild.cloneNode(true);
        item.dataset.callId = caller.id;
      }
      setText(item.querySelector('[data-name]'), caller.name);
      setText(item.querySelector('[data-reason]'), caller.reason);
      setText(item.querySelector('[data-queue]'), queueLabel(caller.queue));
      item.dataset.since = isNaN(caller.since) ? '' : String(caller.since);
      if (list.children[index] !== item) list.insertBefore(item, list.children[index] || null);
    });
    Object.keys(existing).forEach(function (id) { existing[id].remove(); });
    $('no-waiting').hidden = waiting.length > 0;
    tickWaits();
  }

  // The queue a caller waits in, by name, when there are several (nothing to say with one); its id
  // until the names are read.
  function queueLabel(queue) {
    if (!queue || (queues && queues.count <= 1)) return '';
    return (queues && queues.names[queue]) || queue;
  }

  function readQueueNames() {
    CallCenter.readQueueNames().then(function (found) {
      queues = found;
      renderWaiting();
    }).catch(function () { /* the ids stand in until the next connect reads them */ });
  }

  function tickWaits() {
    Array.prototype.forEach.call($('waiting').children, function (item) {
      var since = parseInt(item.dataset.since, 10);
      setText(item.querySelector('[data-wait]'), isNaN(since) ? '' : 'waiting ' + duration(Date.now() - since));
    });
  }

  // --- agents, in place by agent id -----------------------------------------------------------

  var STATE_ORDER = { AVAILABLE: 0, WRAP_UP: 1, AWAY: 2, OFFLINE: 3 };
  var STATE_NAMES = { AVAILABLE: 'Available', WRAP_UP: 'Wrap-up', AWAY: 'Away', OFFLINE: 'Offline' };

  function renderAgents() {
    var ids = Object.keys(agents).filter(function (id) { return agents[id].state; });
    ids.sort(function (a, b) {
      var order = (STATE_ORDER[agents[a].state] || 9) - (STATE_ORDER[agents[b].state] || 9);
      return order !== 0 ? order : displayName(a).localeCompare(displayName(b));
    });
    var body = $('agents');
    var existing = {};
    Array.prototype.forEach.call(body.children, function (row) { existing[row.dataset.agentId] = row; });
    ids.forEach(function (id, index) {
      var agent = agents[id];
      var row = existing[id];
      delete existing[id];
      if (!row) {
        row = document.createElement('tr');
        row.dataset.agentId = id;
        ['name', 'state', 'for', 'answered', 'handle'].forEach(function (part) {
          var cell = document.createElement(part === 'name' ? 'th' : 'td');
          if (part === 'name') cell.scope = 'row';
          if (part === 'answered' || part === 'handle') cell.className = 'number';
          cell.dataset.part = part;
          row.appendChild(cell);
        });
        var badge = document.createElement('span');
        row.querySelector('[data-part=state]').appendChild(badge);
      }
      setText(row.querySelector('[data-part=name]'), displayName(id));
      var badgeElement = row.querySelector('[data-part=state] span');
      badgeElement.className = 'state-badge ' + agent.state;
      setText(badgeElement, (STATE_NAMES[agent.state] || agent.state) + (agent.awayReason ? ' · ' + readable(agent.awayReason) : ''));
      row.dataset.since = agent.since ? String(Date.parse(agent.since)) : '';
      setText(row.querySelector('[data-part=answered]'), String(agent.answered));
      setText(row.querySelector('[data-part=handle]'), seconds(agent.averageHandleSeconds));
      if (body.children[index] !== row) body.insertBefore(row, body.children[index] || null);
    });
    Object.keys(existing).forEach(function (id) { existing[id].remove(); });
    $('agents-table').hidden = ids.length === 0;
    $('no-agents').hidden = ids.length > 0;
    tickAgents();
  }

  function tickAgents() {
    Array.prototype.forEach.call($('agents').children, function (row) {
      var since = parseInt(row.dataset.since, 10);
      setText(row.querySelector('[data-part=for]'), isNaN(since) ? '' : duration(Date.now() - since));
    });
  }

  function displayName(id) { return names[id] || id; }

  // --- the chart of today's quarter hours (uPlot) ---------------------------------------------

  function drawChart() {
    var start = midnight();
    var slots = Math.floor((Date.now() - start) / QUARTER) + 1;
    chartSlots = slots;
    var xs = [], offered = [], answered = [], abandoned = [];
    var any = false;
    for (var i = 0; i < slots; i++) {
      var at = start + i * QUARTER;
      var figures = quarters[at];
      xs.push(at / 1000);
      offered.push(figures ? figures.offered : 0);
      answered.push(figures ? figures.answered : 0);
      abandoned.push(figures ? figures.abandoned : 0);
      if (figures && figures.offered) any = true;
    }
    $('no-chart').hidden = any;
    var total = function (list) { return list.reduce(function (sum, n) { return sum + n; }, 0); };
    setText($('chart-summary'), any
      ? 'Today: ' + total(offered) + ' offered, ' + total(answered) + ' answered, ' + total(abandoned) + ' abandoned.'
      : '');
    var data = [xs, offered, answered, abandoned];
    if (typeof window.uPlot !== 'function') return;
    if (chart) {
      chart.setData(data);
      return;
    }
    var bars = window.uPlot.paths && window.uPlot.paths.bars ? window.uPlot.paths.bars({ size: [0.7, 40] }) : undefined;
    chart = new window.uPlot({
      width: chartWidth(),
      height: 240,
      scales: {
        // half a quarter hour either side, so that the first and the current quarter hour's bars show whole
        x: { time: true, range: function (u, min, max) { return [min - QUARTER / 2000, max + QUARTER / 2000]; } },
        y: { range: function (u, min, max) { return [0, Math.max(3, max)]; } }
      },
      axes: [{}, { label: 'calls' }],
      series: [
        {},
        { label: 'Offered', stroke: '#2f5bea', fill: 'rgba(47, 91, 234, .15)', width: 2, paths: bars },
        { label: 'Answered', stroke: '#1f8a4c', width: 2 },
        { label: 'Abandoned', stroke: '#c62f3b', width: 2 }
      ]
    }, data, $('chart'));
    if (window.ResizeObserver) {
      new ResizeObserver(function () { chart.setSize({ width: chartWidth(), height: 240 }); }).observe($('chart'));
    }
  }

  function chartWidth() { return Math.max(280, $('chart').clientWidth || 600); }

  // --- the report -----------------------------------------------------------------------------

  function setUpReport() {
    var today = localDate(new Date());
    $('report-from').value = today;
    $('report-to').value = today;
    ['report-from', 'report-to', 'report-size'].forEach(function (id) {
      $(id).addEventListener('change', reportLink);
    });
    $('report-form').addEventListener('submit', function (event) { event.preventDefault(); });
    reportLink();
  }

  // from the first day's midnight to the midnight after the last day, in the browser's zone
  function reportLink() {
    var from = dayStart($('report-from').value);
    var to = dayStart($('report-to').value);
    var link = $('csv-link');
    if (from == null || to == null || to < from) {
      link.removeAttribute('href');
      link.setAttribute('aria-disabled', 'true');
      return;
    }
    var end = new Date(to);
    end.setDate(end.getDate() + 1);
    var zone = (window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone) || 'UTC';
    link.removeAttribute('aria-disabled');
    link.href = '/api/stats/intervals.csv?from=' + encodeURIComponent(new Date(from).toISOString())
      + '&to=' + encodeURIComponent(end.toISOString()) + '&size=' + encodeURIComponent($('report-size').value)
      + '&zone=' + encodeURIComponent(zone);
  }

  function dayStart(value) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
    if (!parts) return null;
    return new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])).getTime();
  }

  function localDate(date) {
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate());
  }

  // --- words and numbers ----------------------------------------------------------------------

  function midnight() {
    var now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  }

  function duration(millis) {
    var total = Math.floor(millis / 1000);
    var hours = Math.floor(total / 3600);
    var minutes = Math.floor((total % 3600) / 60);
    if (hours > 0) return hours + ' h ' + minutes + ' min';
    return (minutes > 0 ? minutes + ' min ' : '') + (total % 60) + ' s';
  }

  function seconds(value) {
    return value == null ? '—' : duration(Math.round(value) * 1000);
  }

  function percent(value) {
    return value == null ? '—' : Math.round(value * 100) + ' %';
  }

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  function readable(reason) {
    var words = String(reason).replace(/[-_]+/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function setText(element, text) {
    if (element && element.textContent !== text) element.textContent = text;
  }

  var errors = {};

  function showError(problem, source) {
    errors[source] = problem.status === 403 ? 'This dashboard is for supervisors.' : CallCenter.problemText(problem);
    renderErrors();
  }

  function clearError(source) {
    if (errors[source]) {
      delete errors[source];
      renderErrors();
    }
  }

  function renderErrors() {
    var texts = Object.keys(errors).map(function (key) { return errors[key]; });
    var text = texts.filter(function (t, i) { return texts.indexOf(t) === i; }).join(' ');
    setText($('dashboard-error'), text);
    $('dashboard-error').hidden = !text;
  }

  function announce(text) { setText($('announcer'), text); }

  // --- start ----------------------------------------------------------------------------------

  setInterval(function () {
    tickLongestWait();
    tickWaits();
    tickAgents();
    // a new quarter hour begins on the chart
    if (chart && Math.floor((Date.now() - midnight()) / QUARTER) + 1 !== chartSlots) drawChart();
  }, 1000);
  setUpReport();
  drawChart();
  listen();
})(window.CallCenter);
