/* CallCenter.MyFigures shows an agent its own figures in the console's status bar: how many calls
   it answered today and its average handle time, from stats-service (GET /api/agent/stats, which
   the gateway answers with the signed-in agent's figures alone).

   Read when the console's stream is ready and again a moment after one of the agent's calls
   ends (the statistics follow the call events through Kafka Streams, a little behind the console),
   never on a timer. The figures are a help, not a tool of the job: while they cannot be read
   (stats-service restarting or down) the line is hidden and nothing else on the console changes. */
window.CallCenter = window.CallCenter || {};
(function (CallCenter) {
  'use strict';

  var SETTLE_MS = 1500; // after a call ends, the statistics have counted it by then

  CallCenter.MyFigures = function (element) {
    var pending = null;

    function duration(seconds) {
      var whole = Math.round(seconds);
      if (whole < 60) return whole + ' s';
      var minutes = Math.floor(whole / 60);
      var rest = whole % 60;
      return minutes + ' min' + (rest ? ' ' + rest + ' s' : '');
    }

    // Today's figures where stats-service gives them (`today`), else the totals.
    function render(answer) {
      var today = answer && answer.today;
      var figures = today || answer;
      if (!figures || typeof figures.answered !== 'number') {
        element.hidden = true;
        return;
      }
      var when = today ? ' today' : '';
      var text = figures.answered === 0 ? 'No calls answered yet' + when
        : 'You answered ' + (figures.answered === 1 ? '1 call' : figures.answered + ' calls') + when;
      if (figures.answered > 0 && typeof figures.averageHandleSeconds === 'number') {
        text += ' · average handle time ' + duration(figures.averageHandleSeconds);
      }
      element.textContent = text;
      element.hidden = false;
    }

    function reread() {
      clearTimeout(pending);
      pending = null;
      CallCenter.api('GET', '/api/agent/stats').then(render, function () { element.hidden = true; });
    }

    return {
      reread: reread,
      // a pushed call event: once one of this agent's calls has ended, read the figures again
      pushed: function (change) {
        if (!change || (change.type !== 'ENDED' && change.type !== 'WRAPPED')) return;
        clearTimeout(pending);
        pending = setTimeout(reread, SETTLE_MS);
      }
    };
  };
})(window.CallCenter);
