/* CallCenter.ExpectedWait: how long a caller may still wait, in words a person reads at a glance.

   The call read (GET /api/calls/{id}) says the average handle time of recent calls
   (averageHandleSeconds: a recency-weighted mean of talk + hold time, or the configured default
   before any call ended) and how many agents serve the line (agentsServing: available or in
   wrap-up, not away). The page works the estimate out itself, so that it follows the place in line
   as pushed moves change it, and the agents as pushed presence changes them, without a read:
   - waiting in line at place p: ceil(p / max(agentsServing, 1)) handle times: the line is shared
     among the agents serving, each frees a place about once per handle time (an agent away still
     counts as one: it may come back, and its callers wait for it);
   - given to an agent with n callers ahead of it there: n handle times (none ahead: the agent
     takes it any moment, no estimate);
   - no agent online: no estimate (the page says nobody is there). */
window.CallCenter = window.CallCenter || {};
(function (CallCenter) {
  'use strict';

  // Seconds the caller may still wait, or null when no estimate applies.
  // figures: {place, aheadWithAgent, agentsOnline, agentsServing, averageHandleSeconds}
  function seconds(figures) {
    var average = figures.averageHandleSeconds;
    if (typeof average !== 'number' || average <= 0 || !(figures.agentsOnline > 0)) return null;
    if (typeof figures.aheadWithAgent === 'number') {
      return figures.aheadWithAgent > 0 ? figures.aheadWithAgent * average : null;
    }
    if (typeof figures.place !== 'number' || figures.place < 1) return null;
    var serving = Math.max(figures.agentsServing || 0, 1);
    return Math.ceil(figures.place / serving) * average;
  }

  // Rounded for people: "less than a minute", "about 1 minute", "about 4 minutes", "about an hour",
  // "about 2 hours".
  function inWords(total) {
    if (total < 60) return 'less than a minute';
    var minutes = Math.round(total / 60);
    if (minutes < 2) return 'about 1 minute';
    if (minutes < 60) return 'about ' + minutes + ' minutes';
    var hours = Math.round(minutes / 60);
    return hours < 2 ? 'about an hour' : 'about ' + hours + ' hours';
  }

  CallCenter.ExpectedWait = {
    seconds: seconds,
    inWords: inWords,
    // The words for the figures, or null when no estimate applies.
    describe: function (figures) {
      var s = seconds(figures);
      return s === null ? null : inWords(s);
    }
  };
})(window.CallCenter);
