/* CallCenter.QueuePlace follows a waiting caller's place in line from the queue moves the server
   pushes (event `queue`: an array of {version, arrival, joined}), so that a move does not make every waiting
   page read its call again.

   A waiting caller's place is 1 + the number of waiting calls that arrived before it. A move of a
   call that arrived earlier (a smaller `arrival`) shifts the place by one: back when that call
   joined (a caller going back to the line ahead of later arrivals), forward when it left (assigned,
   or ended); any other move changes nothing. Moves are numbered one by one across the queue, and a
   read of the call while it waits says which version its place was read at (`queueVersion`), so:
   - moves at or below the version of the place shown are already in it and are dropped;
   - moves are applied strictly in version order; one that comes before an earlier one (events of
     different calls travel on different Kafka partitions) waits for it, and the place shown stays
     the one of the last complete version, which was true a moment ago;
   - a move still missing after a moment (a stream that missed events) asks for one read of the
     call (onStale), spread over a few seconds so that pages do not all read at once.
   The place shown is therefore always one the caller really had, never a sum that drifted.

   With several queues, places and versions are per queue: each move names its queue (`queue`),
   and a read of the call says which queue it waits in; moves of other queues are dropped. A move
   that names no queue (an older server) counts as one of the call's queue. */
window.CallCenter = window.CallCenter || {};
(function (CallCenter) {
  'use strict';

  var MAX_HELD = 500; // moves held while an earlier one is missing; beyond that, read the call

  // onStale: called (once per missing move) when the place needs a read of the call.
  // options.patience: [least, most] milliseconds to wait for a missing move (default 1–3 s).
  CallCenter.QueuePlace = function (onStale, options) {
    var patience = (options && options.patience) || [1000, 3000];
    var queue = null;    // the queue the call waits in, from its reads (null: not said)
    var arrival = null;  // this call's arrival, while it waits
    var version = null;  // the version `place` is exact at
    var place = null;
    var held = {};       // moves above `version` not applied yet, by version
    var unplaced = {};   // before a read says the call's queue: moves naming a queue, by queue and version
    var missingTimer = null;

    function heldVersions() {
      return Object.keys(held).map(Number);
    }

    // Applies the held moves that follow `version` without a gap.
    function catchUp() {
      var changed = false;
      while (held[version + 1]) {
        var move = held[version + 1];
        delete held[version + 1];
        version = version + 1;
        if (move.arrival < arrival) {
          place += move.joined ? 1 : -1;
          changed = true;
        }
      }
      if (place !== null && place < 1) staleNow(); // cannot be: the moves do not add up
      watchForMissing();
      return changed;
    }

    function watchForMissing() {
      var waiting = version !== null && heldVersions().length > 0;
      if (!waiting) {
        clearTimeout(missingTimer);
        missingTimer = null;
        return;
      }
      if (heldVersions().length > MAX_HELD) {
        staleNow();
        return;
      }
      if (missingTimer) return;
      var wait = patience[0] + Math.random() * (patience[1] - patience[0]);
      missingTimer = setTimeout(function () {
        missingTimer = null;
        if (version !== null && heldVersions().length > 0) onStale();
      }, wait);
    }

    function staleNow() {
      clearTimeout(missingTimer);
      missingTimer = null;
      onStale();
    }

    // Drops held moves the place already includes; without a place yet, keeps the newest only.
    function prune() {
      var versions = heldVersions();
      versions.forEach(function (v) {
        if (version !== null && v <= version) delete held[v];
      });
      if (version === null && versions.length > MAX_HELD) {
        versions.sort(function (a, b) { return a - b; });
        versions.slice(0, versions.length - MAX_HELD).forEach(function (v) { delete held[v]; });
      }
    }

    return {
      // A read of the call (GET /api/calls/{id}, or the dial's answer). Returns true when the
      // place shown changed.
      read: function (call) {
        var before = place;
        if (call && typeof call.queue === 'string' && call.queue !== queue) {
          // another queue (the first read, or moved to another queue): its numbers start afresh
          queue = call.queue;
          version = null;
          Object.keys(held).forEach(function (v) {
            if (held[v].queue !== null && held[v].queue !== queue) delete held[v];
          });
          var early = unplaced[queue] || {};
          Object.keys(early).forEach(function (v) { held[v] = early[v]; });
          unplaced = {};
        }
        if (!call || call.state !== 'WAITING' || typeof call.queueVersion !== 'number'
            || typeof call.arrival !== 'number' || typeof call.queuePosition !== 'number') {
          // not waiting (or a server that numbers no moves): nothing to follow
          arrival = null;
          version = null;
          place = null;
          prune();
          watchForMissing();
          return before !== place;
        }
        if (arrival === call.arrival && version !== null && call.queueVersion < version) {
          return false; // an older read than the moves already applied
        }
        arrival = call.arrival;
        version = call.queueVersion;
        place = call.queuePosition;
        prune();
        catchUp();
        return before !== place;
      },

      // A pushed move. Returns true when the place shown changed.
      move: function (move) {
        if (!move || typeof move.version !== 'number' || typeof move.arrival !== 'number') return false;
        var of = typeof move.queue === 'string' ? move.queue : null;
        if (of !== null && queue !== null && of !== queue) return false; // another queue's line
        if (version !== null && move.version <= version) return false;
        var kept = { arrival: move.arrival, joined: move.joined === true, queue: of };
        if (of !== null && queue === null) {
          // whose line it is is not known yet: kept apart until a read says (few: the page reads first)
          unplaced[of] = unplaced[of] || {};
          if (Object.keys(unplaced[of]).length < MAX_HELD) unplaced[of][move.version] = kept;
          return false;
        }
        held[move.version] = kept;
        if (version === null) {
          prune();
          return false;
        }
        return catchUp();
      },

      // The place in line, exact at version(); null while not waiting.
      place: function () {
        return place;
      },

      version: function () {
        return version;
      },

      stop: function () {
        clearTimeout(missingTimer);
        missingTimer = null;
      }
    };
  };
})(window.CallCenter);
